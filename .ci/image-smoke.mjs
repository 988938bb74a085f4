// The image's smoke test, run inside the image by .ci/image: its entrypoint serves the embedded demo AWX
// (DEMO=true, as NODE_ENV=production asks), /health and the image's own HEALTHCHECK answer, one query answers,
// and SIGTERM stops it with exit code 0. Prints what it saw; exits 1 on the first thing that is wrong.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const entrypoint = JSON.parse(process.env.SMOKE_ENTRYPOINT ?? '[]');
const healthcheck = JSON.parse(process.env.SMOKE_HEALTHCHECK ?? '[]'); // ["CMD", program, ...args]
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) process.exit(1);
};

console.log(`running as uid ${process.getuid()} in ${process.cwd()}, Node ${process.version}, NODE_ENV=${process.env.NODE_ENV}`);
check(process.getuid() !== 0, 'not root');
const gateway = spawn(entrypoint[0], [...entrypoint.slice(1), 'start'], {
  env: { ...process.env, PORT: '0', DEMO: 'true' }, stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
gateway.stdout.on('data', (chunk) => (output += chunk));
const exited = once(gateway, 'exit');
const deadline = Date.now() + 60_000;
let listening;
while (!listening && Date.now() < deadline && gateway.exitCode === null) {
  listening = output.split('\n').filter((line) => line.includes('"event":"listening"')).map((line) => JSON.parse(line))[0];
  if (!listening) await new Promise((resolve) => setTimeout(resolve, 100));
}
check(listening !== undefined, `started: ${listening?.msg ?? output}`);
const base = `http://127.0.0.1:${listening.port}`;

const health = await fetch(`${base}/health`);
check(health.status === 200, `GET /health: ${health.status} ${await health.text()}`);
const [kind, program, ...args] = healthcheck;
const probe = spawn(program, args, { env: { ...process.env, PORT: String(listening.port) }, stdio: 'inherit' });
const [probeCode] = await once(probe, 'exit');
check(kind === 'CMD' && probeCode === 0, `HEALTHCHECK ${JSON.stringify(healthcheck).slice(0, 60)}…: exit ${probeCode}`);

const answer = await fetch(`${base}/graphql`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ workflowJob(id: 1) { id name status } }' }),
});
const body = await answer.text();
check(answer.status === 200 && body.includes('"workflowJob":{"id":"1"'), `POST /graphql: ${answer.status} ${body}`);

gateway.kill('SIGTERM');
const [code] = await exited;
check(code === 0, `SIGTERM: exit ${code}`);

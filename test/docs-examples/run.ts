/** Runs one example of the docs against a test gateway over the demo AWX, as a reader would against `npm start`. */
import { readFileSync } from 'node:fs';
import { composeServices } from '@theguild/federation-composition';
import { Kind, OperationTypeNode, parse, type DocumentNode } from 'graphql';
import { doctorCommand } from '../../src/doctor/command.js';
import type { TestGateway } from '../gateway.js';
import { checkAnswer, textAnswer, type Variance } from './answers.js';
import type { Block } from './markdown.js';
import { CannotRun, curlRequest, readShell, splitWords, type ShellCommand } from './shell.js';
import { jsBlock, readStream, whileJobsMove } from './streams.js';

/** What the examples of one file run against. */
export interface DocsRun {
  gw: TestGateway;
  variance: Variance;
  /** The demo admin's token: `npm start` acts as the admin for callers who send no credentials. */
  token: string;
}

const root = new URL('../../', import.meta.url);

/** Runs one block (not an answer, not marked "not run"); throws what went wrong. */
export async function runBlock(block: Block, run: DocsRun): Promise<void> {
  if (block.lang === 'graphql') return graphqlBlock(block, run);
  if (block.lang === 'sh') {
    const commands = readShell(block.text, block.line);
    for (const [i, command] of commands.entries()) await curlCommand(command, i === commands.length - 1 ? block.answer : undefined, run);
    return;
  }
  if (block.lang === 'js') return jsBlock(block, run);
  if (block.lang === 'text' && block.text.startsWith('$ ')) return doctorSession(block, run);
  throw new CannotRun(`a \`\`\`${block.lang || '(no language)'} block that is no example's answer`);
}

/** A GraphQL operation sent as GraphiQL sends it; or another subgraph's SDL, composed with this one. */
async function graphqlBlock(block: Block, run: DocsRun): Promise<void> {
  const text = run.variance.apply(block.text);
  const document = parse(text);
  if (!document.definitions.every((d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION)) return composeWithAwx(document);
  if (document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.SUBSCRIPTION)) {
    throw new CannotRun('a subscription: show it as `curl -N … -H \'accept: text/event-stream\'` with its events');
  }
  const variables = block.markers.find((m) => m.kind === 'variables')?.variables;
  run.gw.demo.clearRequests();
  const response = await fetch(run.gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: text, variables }) });
  checkAnswer(await response.text(), response, block.answer, run.variance);
  const cost = block.markers.find((m) => m.kind === 'awx requests')?.count;
  const sent = run.gw.upstreamPaths();
  if (cost !== undefined && sent.length !== cost) throw new Error(`costs ${sent.length} AWX requests, not ${cost}: ${sent.join(' ')}`);
}

/** Another team's subgraph SDL: it must compose with this gateway's schema (schema.graphql) into a supergraph. */
function composeWithAwx(document: DocumentNode): void {
  const awx = parse(readFileSync(new URL('schema.graphql', root), 'utf8'));
  const { errors } = composeServices([{ name: 'awx', typeDefs: awx, url: 'http://awx/graphql' }, { name: 'example', typeDefs: document, url: 'http://example/graphql' }]);
  if (errors?.length) throw new Error(`does not compose with the AWX subgraph: ${errors.map((e) => e.message).join('; ')}`);
}

/** One curl command: its request, sent to the gateway; its answer, compared with the `# {…}` line or block after it. */
async function curlCommand(command: ShellCommand, answer: Block | undefined, run: DocsRun): Promise<void> {
  const request = curlRequest(command);
  const origin = new URL(run.gw.url).origin;
  const init = { method: request.method, headers: request.headers, body: request.body && run.variance.apply(request.body) };
  if (command.outputs.length > 1) throw new Error(`line ${command.line}: one answer line per command, got ${command.outputs.length}`);
  const shown = command.outputs[0] ? { lang: 'json', text: command.outputs[0].json, line: command.outputs[0].line } : answer;
  if ((request.headers.accept ?? '').includes('text/event-stream')) {
    const text = await whileJobsMove(run, (signal, started) => readStream(fetch(origin + request.path, { ...init, signal }), started));
    if (!shown) return void text.split('\n').filter((l) => l.startsWith('data: {')).forEach((l) => checkAnswer(l.slice(6), { ok: true }, undefined, run.variance));
    return textAnswer(shown, text, run.variance);
  }
  const response = await fetch(origin + request.path, init);
  checkAnswer(await response.text(), response, shown, run.variance);
}

/**
 * A ```text block that starts with `$ AWX_URL=… npm run --silent doctor`: the doctor, run in-process against
 * the file's demo AWX with that environment, must print what follows (its port and durations may differ).
 */
async function doctorSession(block: Block, run: DocsRun): Promise<void> {
  const [command, ...shown] = block.text.split('\n');
  const words = splitWords(command!.slice(2), block.line + 1);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0] ?? '')) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=').replace(/^http:\/\/127\.0\.0\.1:\d+/, run.gw.demo.url);
  }
  const [npm, sub, silent, doctor, dashes, ...args] = words;
  if ([npm, sub, silent, doctor].join(' ') !== 'npm run --silent doctor' || (dashes !== undefined && dashes !== '--')) {
    throw new CannotRun(`\`${command}\` is not \`npm run --silent doctor\``);
  }
  let text = '';
  const write = (chunk: string) => void (text += chunk);
  await doctorCommand(args, { env, stdout: { write, isTTY: false }, stderr: { write } });
  const stable = (t: string) => t.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>').replace(/in \d+ ms/g, 'in <n> ms');
  textAnswer({ text: stable(shown.join('\n')), line: block.line + 1 }, stable(text), run.variance);
}

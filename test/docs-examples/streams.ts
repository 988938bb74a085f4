/** The examples that run for a while: SSE streams and client programs, while the jobs they follow move. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { textAnswer } from './answers.js';
import type { Block } from './markdown.js';
import type { DocsRun } from './run.js';

const root = new URL('../../', import.meta.url);
const STREAM_TIMEOUT_MS = 15_000;
const TERMINAL = new Set(['successful', 'failed', 'error', 'canceled']);

/** Reads an SSE answer to its end, telling `started` once the first event came. */
export async function readStream(answer: Promise<Response>, started: () => void): Promise<string> {
  const body = (await answer).body!;
  let text = '';
  for await (const chunk of body.pipeThrough(new TextDecoderStream())) {
    text += chunk;
    if (text.includes('event: next')) started();
  }
  return text;
}

/**
 * Runs `work` while the jobs the file's examples launched move a step every 200 ms, as `npm start`'s demo moves
 * every job every 2 s (the demo's own jobs keep still, so answers about them stay the same). They start moving
 * once `work` says it has seen the first event, so that event is always the job as it was launched.
 */
export async function whileJobsMove<T>(run: DocsRun, work: (signal: AbortSignal, started: () => void) => Promise<T>): Promise<T> {
  const { demo } = run.gw;
  let timer: ReturnType<typeof setInterval> | undefined;
  let failure: unknown;
  const step = () => {
    try {
      for (const job of demo.data.collections.workflow_jobs as { id: number; status?: string; launch_type?: string }[]) {
        if (run.variance.created(job.id, 'workflow_jobs') && !TERMINAL.has(String(job.status)) && job.launch_type !== 'workflow') demo.advanceJob(job.id);
      }
    } catch (error) {
      failure ??= error;
    }
  };
  const started = () => void (timer ??= setInterval(step, 200));
  try {
    return await work(AbortSignal.timeout(STREAM_TIMEOUT_MS), started);
  } finally {
    clearInterval(timer);
    if (failure) throw failure;
  }
}

/**
 * A JavaScript client, run as a module with `localhost:4000` pointing at the test gateway and `token` set to the
 * demo admin's token; what it prints with `console.log` is compared with the ```text block after it.
 */
export async function jsBlock(block: Block, run: DocsRun): Promise<void> {
  const origin = new URL(run.gw.url).host;
  const source = run.variance.apply(block.text).replaceAll('localhost:4000', origin);
  const output: string[] = [];
  const key = `docsExample${block.line}`;
  let started = () => {};
  (globalThis as Record<string, unknown>)[key] = (line: string) => {
    output.push(line);
    started();
  };
  const prelude = `const token = ${JSON.stringify(run.token)};\nconst console = { log: (...args) => globalThis.${key}(args.join(' ')) };\n`;
  const dir = new URL('test-output/docs-examples/', root);
  mkdirSync(dir, { recursive: true });
  const file = new URL(`${block.file.replace(/\W/g, '-')}-${block.line}.mjs`, dir);
  writeFileSync(file, prelude + source);
  await whileJobsMove(run, (signal, start) => (started = start, Promise.race([
    import(file.href),
    new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('the program did not finish')))),
  ])));
  if (block.answer) textAnswer(block.answer, output.join('\n'), run.variance);
}

/** Log lines written in batches (src/logLines.ts): every line arrives, in order, soon, and on exit. */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { batchedLines } from '../src/logLines.js';

/** Waits until `check` holds (vitest's own polling; fails after its timeout). */
const waitFor = (check: () => boolean) => expect.poll(check, { timeout: 10_000, interval: 5 }).toBe(true);

const dir = mkdtempSync(path.join(tmpdir(), 'log-lines-'));
const opened: number[] = [];

/** A fresh file to log into, and a reader of its lines. */
function logFile(name: string): { fd: number; lines: () => string[] } {
  const file = path.join(dir, name);
  const fd = openSync(file, 'w');
  opened.push(fd);
  return { fd, lines: () => readFileSync(file, 'utf8').split('\n').filter(Boolean) };
}

afterEach(() => {
  for (const fd of opened.splice(0)) closeSync(fd);
});

const numbered = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `{"n":${from + i}}`);
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Waits until the file holds as many lines as `expected`, then checks they are exactly those, in order. */
async function arrive(lines: () => string[], expected: string[]): Promise<void> {
  await waitFor(() => lines().length === expected.length);
  expect(lines()).toEqual(expected);
}

describe('batched log lines', () => {
  it('writes a burst of lines together, every one of them, in order', async () => {
    const { fd, lines } = logFile('burst.log');
    const out = batchedLines(fd);
    for (const line of numbered(500)) out.write(`${line}\n`);
    await arrive(lines, numbered(500));
    await waitFor(() => out.bytes === numbered(500).join('\n').length + 1);
    // 500 lines of about 10 bytes: a handful of writes, not one per line.
    expect(out.writes).toBeLessThan(10);
  });

  it('holds lines written over several turns of the event loop for its window, then writes them at once', async () => {
    const { fd, lines } = logFile('window.log');
    const out = batchedLines(fd, 2_000);
    for (const line of numbered(5)) {
      out.write(`${line}\n`);
      await nextTurn();
    }
    // Long enough for a write handed to the thread pool to have landed, well inside the window.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(out.writes).toBe(0);
    expect(lines()).toEqual([]);
    await arrive(lines, numbered(5));
    // A write is counted when its completion comes back from the thread pool, after its bytes are in the file.
    await waitFor(() => out.bytes === numbered(5).join('\n').length + 1);
    expect(out.writes).toBe(1);
  });

  it('writes a lone line within its window, with nothing after it to push it out', async () => {
    const { fd, lines } = logFile('lone.log');
    const out = batchedLines(fd, 10);
    out.write('{"msg":"alone"}\n');
    expect(lines()).toEqual([]);
    await arrive(lines, ['{"msg":"alone"}']);
  });

  it('leaves nothing behind when lines arrive while a write is under way', async () => {
    const { fd, lines } = logFile('interleaved.log');
    const out = batchedLines(fd, 1);
    // Bursts over many turns of the event loop, each larger than the batch size at times, so that some
    // arrive while the previous batch is being written.
    for (let burst = 0; burst < 40; burst++) {
      for (const line of numbered(burst % 7 === 0 ? 900 : 25, burst * 1000)) out.write(`${line}\n`);
      await nextTurn();
    }
    const expected = Array.from({ length: 40 }, (_, burst) => numbered(burst % 7 === 0 ? 900 : 25, burst * 1000)).flat();
    await arrive(lines, expected);
  });
});

describe("the gateway's logger on exit", () => {
  /** Runs a script that logs 300 lines through the gateway's logger and then ends as `end` says. */
  const run = (end: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      import { createLogger } from './src/logger.ts';
      const logger = createLogger('info');
      for (let i = 0; i < 300; i++) logger.info({ i }, 'line');
      ${end}
    `], { encoding: 'utf8', timeout: 30_000 });

  it.each([
    ['process.exit()', 'process.exit(3)', 3],
    ['an uncaught exception', "throw new Error('boom')", 1],
    ['a natural end', '', 0],
  ])('writes every held line on %s', (_name, end, code) => {
    const child = run(end);
    expect(child.status).toBe(code);
    const lines = child.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { i: number });
    expect(lines.map((line) => line.i)).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });
});

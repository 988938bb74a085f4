/**
 * Every example in README.md and docs/*.md runs, so none can rot. Each file's examples run in order against
 * one real gateway over a fresh demo AWX, as a reader would try them against `npm start` (callers without
 * credentials act as the demo's admin):
 * - ```graphql: an operation, sent as GraphiQL sends it (variables from a `<!-- variables: {…} -->` marker);
 *   a schema (SDL) instead must compose with this gateway's subgraph;
 * - ```sh: `curl` commands to `localhost:4000`, each sent to the gateway; `# {…}` lines under a command
 *   show its answer, and an SSE request (`accept: text/event-stream`) is read to its end;
 * - ```js: a client program, run with `localhost:4000` pointing at the gateway and `token` set;
 * - ```text starting with `$ … npm run --silent doctor`: the doctor, run against the demo.
 * A ```json or ```text block right after an example (only blank lines between) shows its answer, which must
 * match (test/docs-examples/answers.ts says what may vary); without one the example must answer without
 * errors. Any other block, or one this runner cannot run (a real controller's URL, `npm` commands, environment
 * lines), must be marked `<!-- not run: why -->` right before it, or this test fails naming its file and line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Variance } from './docs-examples/answers.js';
import { anchorsOf, readBlocks, relativeLinks, type Block } from './docs-examples/markdown.js';
import { runBlock, type DocsRun } from './docs-examples/run.js';
import { CannotRun } from './docs-examples/shell.js';
import { ADMIN, startTestGateway } from './gateway.js';

const root = new URL('../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');
const FILES = ['README.md', ...readdirSync(new URL('docs/', root)).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];

/** The file's blocks, or the error that its markers hold (reported as a failing test). */
function blocksOf(file: string): Block[] | Error {
  try {
    return readBlocks(file, read(file));
  } catch (error) {
    return error as Error;
  }
}

/** A thrown value that is not an Error (graphql-ws rejects with GraphQL errors or a close event), readably. */
function readable(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const { code, reason } = value as { code?: unknown; reason?: unknown };
  return code !== undefined ? `closed with ${String(code)} ${String(reason ?? '')}` : JSON.stringify(value);
}

describe.each(FILES)('examples in %s', (file) => {
  const blocks = blocksOf(file);
  if (blocks instanceof Error) {
    it('has well-placed markers', () => {
      throw blocks;
    });
    return;
  }
  const examples = blocks.filter((block) => !block.answers);
  let run: DocsRun | undefined;
  beforeAll(async () => {
    if (examples.every((block) => block.markers.some((m) => m.kind === 'not run'))) return;
    const token = ADMIN.replace(/^Bearer /, '');
    const gw = await startTestGateway({ awxToken: token });
    run = { gw, variance: new Variance(gw.demo), token };
  });
  afterAll(() => run?.gw.close());

  // An example that cannot run against the demo is no test; the file must say why, in a reason a reader can act on.
  const notRun = examples.filter((block) => block.markers.some((m) => m.kind === 'not run'));
  if (notRun.length > 0) {
    it(`says why each of its ${notRun.length} examples marked not run cannot run against the demo`, () => {
      for (const block of notRun) {
        const reason = block.markers.find((m) => m.kind === 'not run')!.reason.trim();
        expect(reason.length, `${file}:${block.line}: <!-- not run --> without a reason`).toBeGreaterThan(3);
      }
    });
  }

  for (const block of examples.filter((example) => !notRun.includes(example))) {
    const name = `${file}:${block.line} \`\`\`${block.lang}${block.answer ? ` with its answer at line ${block.answer.line}` : ''}`;
    it(name, async () => {
      try {
        await runBlock(block, run!);
      } catch (error) {
        const message = error instanceof Error ? error.message : readable(error);
        const hint = error instanceof CannotRun ? ' — mark it <!-- not run: why --> if it cannot run against the demo' : '';
        throw new Error(`${file}:${block.line}: ${message}${hint}`, { cause: error });
      }
    });
  }
});

describe('the docs', () => {
  it('keep README.md a first page: under 8 KB', () => {
    expect(Buffer.byteLength(read('README.md'))).toBeLessThan(8192);
  });

  it.each(FILES)('%s links only to files and headings that exist', (file) => {
    const broken: string[] = [];
    for (const { line, target } of relativeLinks(read(file))) {
      const [path, anchor] = target.split('#');
      const resolved = path ? new URL(path, new URL(file, root)) : new URL(file, root);
      if (!existsSync(resolved)) broken.push(`${file}:${line}: ${target} (no such file)`);
      else if (anchor && !anchorsOf(readFileSync(resolved, 'utf8')).has(anchor)) broken.push(`${file}:${line}: ${target} (no such heading)`);
    }
    expect(broken).toEqual([]);
  });
});

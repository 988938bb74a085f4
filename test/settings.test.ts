/** What `awx-graphql --help` lists (src/settings.ts) is what docs/configuration.md documents and what the gateway reads. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { SETTINGS } from '../src/settings.js';

/** docs/configuration.md's "Settings": each `###` group with its table rows, markup (backticks, italics) removed. */
function documentedSettings(): { group: string; settings: { variable: string; default: string }[] }[] {
  const markdown = readFileSync(new URL('../docs/configuration.md', import.meta.url), 'utf8');
  const section = markdown.split('\n## Settings\n')[1]!.split('\n## ')[0]!;
  const plain = (cell: string) => cell.replace(/[`*]/g, '').trim();
  return section.split('\n### ').slice(1).map((part) => ({
    group: part.split('\n')[0]!.trim(),
    settings: part.split('\n').filter((line) => line.startsWith('| `')).map((row) => {
      const [, variable, value] = row.split('|');
      return { variable: plain(variable!), default: plain(value!) };
    }),
  }));
}

/** The variable names a setting's line holds: `AWX_INSECURE_TLS (CONTROLLER_VERIFY_SSL=false, …)` holds three. */
const namesIn = (variable: string) => variable.match(/\b[A-Z][A-Z0-9_]+\b/g) ?? [];

/** Every environment variable loadConfig looks at, given this environment. */
function namesRead(env: Record<string, string>): Set<string> {
  const read = new Set<string>();
  const recording = new Proxy(env, {
    get: (target, name) => (typeof name === 'string' && read.add(name), target[name as string]),
    has: (target, name) => (typeof name === 'string' && read.add(name), name in target),
  });
  loadConfig(recording);
  return read;
}

describe('the settings --help lists', () => {
  it('are the documented ones: same groups, variables and defaults, in the same order', () => {
    const listed = SETTINGS.map(({ group, settings }) => ({ group, settings: settings.map((s) => ({ variable: s.variable, default: s.default })) }));
    expect(listed).toEqual(documentedSettings());
  });

  it('name every variable the gateway reads, and only those', () => {
    // Three environments reach every reader: the defaults, one taking the branches that read more (a URL
    // instead of the demo, the Redis cache, the collections' timeout in seconds), and one with tracing on.
    const read = new Set([
      ...namesRead({}),
      ...namesRead({ AWX_URL: 'https://awx.example.com', CACHE: 'redis', REDIS_URL: 'redis://cache:6379', CONTROLLER_REQUEST_TIMEOUT: '5' }),
      ...namesRead({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_TRACES_SAMPLER: 'parentbased_traceidratio' }),
    ]);
    const listed = new Set(SETTINGS.flatMap(({ settings }) => settings.flatMap((s) => namesIn(s.variable))));
    expect([...read].filter((name) => !listed.has(name)).sort()).toEqual([]);
    expect([...listed].filter((name) => !read.has(name)).sort()).toEqual([]);
  });

  it('each have a meaning on one line short enough for a terminal', () => {
    for (const { settings } of SETTINGS) {
      for (const s of settings) expect(`      ${s.summary}; default ${s.default}`.length, s.variable).toBeLessThanOrEqual(100);
    }
  });
});

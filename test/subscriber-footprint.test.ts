/** What a subscriber holds for as long as it watches: loaders only once read, and ids kept flat. */
import { describe, expect, it } from 'vitest';
import { lazyLoaders } from '../src/context.js';
import type { Loaders } from '../src/loaders/index.js';
import { internStrings } from '../src/live/intern.js';
import { newRequestId } from '../src/observability/requestScope.js';

describe('subscriber footprint', () => {
  it('builds a context\'s loaders on first read, once, and lets an event replace them', () => {
    let made = 0;
    const context = {} as { loaders: Loaders };
    lazyLoaders(context, () => ({ n: ++made }) as unknown as Loaders);
    expect(made).toBe(0);
    expect([context.loaders, context.loaders]).toEqual([{ n: 1 }, { n: 1 }]);
    context.loaders = { n: 'event' } as unknown as Loaders;
    expect([context.loaders, made]).toEqual([{ n: 'event' }, 1]);
    // Yoga copies a context's own enumerable properties: the set must be one of them.
    expect(Object.keys(context)).toEqual(['loaders']);
  });

  it('makes request ids as UUIDs after their prefix, a new one each time', () => {
    const ids = [newRequestId(), newRequestId('watch-')];
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).toMatch(/^watch-[0-9a-f-]{36}$/);
    expect(newRequestId()).not.toBe(ids[0]);
  });

  it('shares a reading\'s repeated values without changing any of it', () => {
    const long = 'x'.repeat(500);
    const reading = {
      job: { id: 7, name: 'Deploy', status: 'running', failed: false, finished: null, extra_vars: long, summary_fields: { labels: { count: 2, results: [{ id: 1, name: 'prod' }, { id: 2, name: 'Deploy' }] } } },
      nodes: [{ id: 1, success_nodes: [2, 3], identifier: 'a' }, { id: 2, success_nodes: [], identifier: 'Deploy' }],
    };
    const copy = structuredClone(reading);
    expect(internStrings(reading)).toBe(reading);
    expect(reading).toEqual(copy);
    expect(internStrings([['running', 1], null, 'Deploy'])).toEqual([['running', 1], null, 'Deploy']);
  });
});

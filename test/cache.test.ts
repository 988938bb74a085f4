/** The in-process cache (CACHE=memory): the shared suite, plus the LRU bound and eviction's race safety. */
import { describe, expect, it } from 'vitest';
import { CACHE_DEFAULTS } from '../src/cache/index.js';
import { createMemoryBackend } from '../src/cache/memory.js';
import { cacheSuite } from './cache-suite.js';
import { startTestGateway } from './gateway.js';

cacheSuite('memory', (cache, options) => startTestGateway({ ...options, cache: { ...CACHE_DEFAULTS, mode: 'memory', ...cache } }));

const key = (fingerprint: string, id: number) => ({ fingerprint, resource: 'jobs' as const, id });

describe('memory backend', () => {
  it('drops the least recently used entry beyond CACHE_MAX_ENTRIES', async () => {
    let dropped = 0;
    const backend = createMemoryBackend({ maxEntries: 2, maxTtlMs: 60_000, onCapacityEviction: () => dropped++ });
    for (const id of [1, 2]) await backend.write([{ key: key('a', id), generation: '', value: { id }, ttlMs: 60_000 }]);
    await backend.read([key('a', 1)]);
    await backend.write([{ key: key('a', 3), generation: '', value: { id: 3 }, ttlMs: 60_000 }]);
    const { values } = await backend.read([key('a', 1), key('a', 2), key('a', 3)]);
    expect(values).toEqual([{ id: 1 }, undefined, { id: 3 }]);
    expect(dropped).toBe(1);
  });

  it('evicts every fingerprint\'s copy, and a read that raced the eviction is stored stale', async () => {
    const backend = createMemoryBackend({ maxEntries: 10, maxTtlMs: 60_000 });
    const before = await backend.read([key('a', 7)]);
    for (const fingerprint of ['a', 'b']) await backend.write([{ key: key(fingerprint, 7), generation: '', value: { id: 7 }, ttlMs: 60_000 }]);
    await backend.evict('jobs', 7);
    expect((await backend.read([key('a', 7), key('b', 7)])).values).toEqual([undefined, undefined]);
    await backend.write([{ key: key('a', 7), generation: before.generations[0]!, value: { id: 7 }, ttlMs: 60_000 }]);
    const after = await backend.read([key('a', 7)]);
    expect(after.values).toEqual([undefined]);
    await backend.write([{ key: key('a', 7), generation: after.generations[0]!, value: { id: 7 }, ttlMs: 60_000 }]);
    expect((await backend.read([key('a', 7)])).values).toEqual([{ id: 7 }]);
  });
});

/** Yoga's parse caches as the gateway bounds them (src/execution/documentCache.ts). */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS_KEPT, ERRORS_KEPT, parseCaches, RecentlyUsed } from '../src/execution/documentCache.js';
import { MAX_COMPILED } from '../src/execution/compiledQueries.js';
import { useTestGateway } from './gateway.js';

describe('the bounded parse cache', () => {
  it('forgets the least recently used entry once full, and counts a read as a use', () => {
    const cache = new RecentlyUsed<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
    cache.set('a', 4);
    expect([cache.get('a'), cache.size]).toEqual([4, 2]);
  });

  it('keeps more documents than queries are compiled, and a bounded number of parse errors', () => {
    const caches = parseCaches();
    expect(DOCUMENTS_KEPT).toBeGreaterThan(MAX_COMPILED);
    for (let i = 0; i < DOCUMENTS_KEPT + 10; i++) caches.documentCache.set(`{ a${i}: __typename }`, parse(`{ a${i}: __typename }`));
    for (let i = 0; i < ERRORS_KEPT + 10; i++) caches.errorCache.set(`{ a${i}`, new Error('Syntax Error'));
    expect([caches.documentCache.size, caches.errorCache.size]).toEqual([DOCUMENTS_KEPT, ERRORS_KEPT]);
    expect(caches.documentCache.get('{ a0: __typename }')).toBeUndefined();
  });
});

describe('the gateway with bounded parse caches', () => {
  const gw = useTestGateway();

  it('answers a document again after more distinct documents than it keeps, and a bad one with the same error each time', async () => {
    const first = await gw.gql('{ workflowJob(id: 1) { id name } }');
    for (let i = 0; i < DOCUMENTS_KEPT + 1; i++) expect((await gw.gql(`{ n${i}: __typename }`)).body).toEqual({ data: { [`n${i}`]: 'Query' } });
    const again = await gw.gql('{ workflowJob(id: 1) { id name } }');
    expect(again.body).toEqual(first.body);
    const bad = [await gw.gql('{ workflowJob(id: 1) { id '), await gw.gql('{ workflowJob(id: 1) { id ')];
    expect(bad[1]!.body).toEqual(bad[0]!.body);
    expect(bad[0]!.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

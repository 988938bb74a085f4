/**
 * A query whose client closed its connection is answered with one CLIENT_CLOSED_REQUEST error, counted and
 * logged as canceled, instead of an error per field left unread; a client still waiting gets every field's error.
 */
import { GraphQLError, parse } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '@awx-graphql/demo-awx';
import { answerFor, callerHasGone, CLIENT_CLOSED_REQUEST } from '../src/execution/callerGone.js';
import { startTestGateway, type TestGateway } from './gateway.js';

const PAGE = 'query Left { workflowJobs(first: 20) { nodes { id name related { workflowJobTemplate { name modified } createdBy { username email } } } } }';
/** The related reads of a page (fields beyond the jobs' summaries), by `id__in` in either layout. */
const relatedRead = (r: { query: URLSearchParams }) => r.query.has('id__in');

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterEach(() => gw.demo.clearFaults());
afterAll(() => gw.close());

const metrics = async () => (await fetch(`${new URL(gw.url).origin}/metrics`)).text();
const requestLines = (operation: string) =>
  gw.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.msg === 'graphql request' && l.operationName === operation);

/** Sends PAGE and closes the connection once the gateway is waiting on the page's related reads. */
async function leaveDuringRelatedReads(): Promise<void> {
  gw.demo.clearRequests();
  const controller = new AbortController();
  const sent = fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CREDENTIALS.admin.token}` },
    body: JSON.stringify({ query: PAGE }),
    signal: controller.signal,
  }).catch((error: Error) => error);
  await expect.poll(() => gw.demo.requests.filter(relatedRead).length, { timeout: 5_000, interval: 10 }).toBeGreaterThanOrEqual(2);
  controller.abort();
  expect(await sent).toBeInstanceOf(Error);
}

describe('a client that leaves during its query', () => {
  it('is counted and logged as canceled, with no error per field, whether the query runs interpreted or compiled', async () => {
    gw.demo.addFault({ fault: { type: 'hang' }, match: relatedRead });
    await leaveDuringRelatedReads(); // a document's first use runs interpreted
    await expect.poll(() => requestLines('Left').length, { timeout: 5_000, interval: 20 }).toBe(1);
    await leaveDuringRelatedReads(); // its second, compiled
    await expect.poll(() => requestLines('Left').length, { timeout: 5_000, interval: 20 }).toBe(2);
    for (const line of requestLines('Left')) expect(line).toMatchObject({ clientClosed: true, upstreamCalls: expect.any(Number) });
    const text = await metrics();
    expect(text).toMatch(/^awx_graphql_requests_total\{operation="Left",outcome="canceled"\} 2$/m);
    expect(text).not.toMatch(/^awx_graphql_requests_total\{operation="Left",outcome="(partial|error)"\}/m);
    expect(gw.logs.join('\n')).not.toContain('unexpected error');
  });

  it('still gets an error for each field when it waits for the answer', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 503, body: {} }, match: relatedRead });
    const { body } = await gw.gql(PAGE.replace('Left', 'Stayed'));
    expect(body.data?.workflowJobs.nodes).toHaveLength(20);
    expect(body.errors!.length).toBeGreaterThan(20);
    expect(new Set(body.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['UPSTREAM_ERROR']));
    expect(requestLines('Stayed')[0]).not.toHaveProperty('clientClosed');
    expect(await metrics()).toMatch(/^awx_graphql_requests_total\{operation="Stayed",outcome="partial"\} 1$/m);
  });
});

describe('answerFor', () => {
  const gone = () => {
    const controller = new AbortController();
    controller.abort();
    return { request: new Request('http://gateway/graphql', { signal: controller.signal }) };
  };
  const failed = { data: { a: null }, errors: [new GraphQLError('AWX failed')] };

  it('replaces a failed query of a gone caller with the one error', () => {
    const answer = answerFor(failed, gone(), parse('{ a }'));
    expect(answer.data).toBeNull();
    expect(answer.errors?.map((e) => e.extensions.code)).toEqual([CLIENT_CLOSED_REQUEST]);
  });

  it('keeps a mutation’s answer, an answer without errors, and the answer of a caller still there', () => {
    expect(answerFor(failed, gone(), parse('mutation { a }'))).toBe(failed);
    const whole = { data: { a: 1 } };
    expect(answerFor(whole, gone(), parse('{ a }'))).toBe(whole);
    expect(answerFor(failed, { request: new Request('http://gateway/graphql') }, parse('{ a }'))).toBe(failed);
    expect(answerFor(failed, undefined, parse('{ a }'))).toBe(failed);
  });

  it('reads a signal that fired but still reads `aborted: false` (whatwg-node’s, with a native controller behind it)', () => {
    const fired = { signal: { aborted: false, reason: new DOMException('gone', 'AbortError') } } as unknown as Request;
    expect(callerHasGone(fired)).toBe(true);
    expect(callerHasGone({ signal: { aborted: false, reason: undefined } } as unknown as Request)).toBe(false);
  });
});

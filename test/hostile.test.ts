/**
 * The hostile corpus (test/hostile/): over a thousand malformed or malicious requests over real HTTP. None
 * may get a 5xx, a non-JSON body or hang, and nothing a client sends may reach AWX except as an
 * allowlisted, encoded parameter or a numeric id.
 */
import { describe, expect, it } from 'vitest';
import { allowlistViolations } from './hostile/allowlist.js';
import { hostileCorpus, type HostileRequest } from './hostile/corpus.js';
import { ADMIN, useTestGateway } from './gateway.js';

const CONCURRENCY = 16;
const REQUEST_TIMEOUT_MS = 15_000;

const gw = useTestGateway({}, { clearRequests: false });

/** Whether a body is a GraphQL response (or a batch of them): an object with `errors` or `data`. */
function isGraphQLResponse(body: unknown): boolean {
  if (Array.isArray(body)) return body.length > 0 && body.every(isGraphQLResponse);
  if (!body || typeof body !== 'object') return false;
  const { errors, data } = body as { errors?: unknown; data?: unknown };
  return (Array.isArray(errors) && errors.length > 0) || (data !== undefined && (data === null || typeof data === 'object'));
}

/** Sends one request; returns its status and what is wrong with the answer, if anything. */
async function send(request: HostileRequest, index: number): Promise<{ status: number | string; problem?: string }> {
  // every tenth request goes without credentials, the others as the demo admin (who sees the most)
  const headers = { ...(index % 10 === 0 ? {} : { authorization: ADMIN }), ...request.headers };
  try {
    const response = await fetch(`${gw.url}${request.search === undefined ? '' : `?${request.search}`}`, {
      method: request.method, headers, body: request.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const status = response.status;
    if (status !== 200 && !(status >= 400 && status < 500)) return { status, problem: `status ${status}: ${text.slice(0, 200)}` };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { status, problem: `not JSON (${response.headers.get('content-type')}): ${JSON.stringify(text.slice(0, 120))}` };
    }
    return isGraphQLResponse(body) ? { status } : { status, problem: `not a GraphQL response: ${text.slice(0, 200)}` };
  } catch (error) {
    return { status: 'failed', problem: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the results in order. */
async function pool<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe('hostile corpus', () => {
  it('is deterministic and large', () => {
    const corpus = hostileCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(1_000);
    expect(JSON.stringify(hostileCorpus().map((r) => r.name))).toBe(JSON.stringify(corpus.map((r) => r.name)));
  });

  it('has an allowlist check that catches injection', () => {
    expect(allowlistViolations('/api/v2/workflow_jobs/?page=1&page_size=25&order_by=-finished%2Cid&name__icontains=x%26order_by%3Dpassword')).toEqual([]);
    expect(allowlistViolations('/api/v2/workflow_jobs/12/workflow_nodes/?page=2')).toEqual([]);
    expect(allowlistViolations('/api/v2/workflow_jobs/?name__icontains=x&order_by=password')).toEqual(['order_by="password"']);
    expect(allowlistViolations('/api/v2/users/1/../')).toEqual(['path /api/v2/users/1/../']);
    expect(allowlistViolations('/api/v2/workflow_jobs/?search=a b#c')).toEqual(['raw characters in "search=a b#c"']);
    expect(allowlistViolations('/api/v2/workflow_jobs/?id__in=1,-1&x=y&page=1&page=2')).toEqual([
      'raw characters in "id__in=1,-1&x=y&page=1&page=2"', 'id__in="1,-1"', 'key x', 'repeated key page',
    ]);
    expect(allowlistViolations('/api/v2/workflow_jobs/2147483648/')).toEqual(['id 2147483648']);
  });

  it('answers bad JSON in GET variables with a 400 and unsupported media types with a JSON 415', async () => {
    const get = await fetch(`${gw.url}?query=${encodeURIComponent('{ __typename }')}&variables=%7B`, { headers: { accept: 'application/json' } });
    expect(get.status).toBe(400);
    expect((await get.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    // A JSON body is read by Yoga's own JSON parser (left unguarded): bad JSON there is its 400 too.
    const post = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"query": "{ __typename }", "variables": {' });
    expect(post.status).toBe(400);
    expect((await post.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    const xml = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<query/>' });
    expect(xml.status).toBe(415);
    expect((await xml.json()).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('never gets a 5xx, a non-JSON body or a hang, and sends AWX only allowlisted requests', async () => {
    const corpus = hostileCorpus();
    gw.demo.clearRequests();
    const started = performance.now();
    const results = await pool(corpus, CONCURRENCY, send);
    const elapsed = Math.round(performance.now() - started);

    const byStatus: Record<string, number> = {};
    for (const { status } of results) byStatus[status] = (byStatus[status] ?? 0) + 1;
    const upstream = gw.demo.requests.map((r) => r.path);
    const violations = upstream.flatMap((path) => allowlistViolations(path).map((problem) => `${path.slice(0, 120)}: ${problem}`));
    console.log(`hostile corpus: ${corpus.length} requests in ${elapsed} ms; by status ${JSON.stringify(byStatus)}; ${upstream.length} upstream requests, ${violations.length} allowlist violations`);

    const problems = results.flatMap((result, i) => (result.problem ? [`${corpus[i]!.name}: ${result.problem}`] : []));
    expect(problems).toEqual([]);
    expect(violations).toEqual([]);
    expect(upstream.length).toBeGreaterThan(0); // the valid ones did reach AWX
  }, 180_000);
});

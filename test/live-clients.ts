/** Subscription clients as apps use them (SSE over streaming fetch, graphql-ws over `ws`), and a way to move a demo job. */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { DemoAwx } from '@awx-graphql/demo-awx';
import { afterEach } from 'vitest';
import { ADMIN, startTestGateway, type GqlResponse, type TestGateway, type TestGatewayOptions } from './gateway.js';

/** One subscription's results as they arrive; `next()` resolves undefined once the stream completed. */
export interface ResultStream {
  /** Every result received so far. */
  results: GqlResponse['body'][];
  next(timeoutMs?: number): Promise<GqlResponse['body'] | undefined>;
  /** Leaves the subscription (the client goes away). */
  close(): void;
}

/** A queue between a transport's callbacks and the test reading them. */
function resultQueue(onClose: () => void): ResultStream & { push(result: GqlResponse['body']): void; end(): void } {
  const results: GqlResponse['body'][] = [];
  const pending: (GqlResponse['body'] | undefined)[] = [];
  let waiting: ((value: GqlResponse['body'] | undefined) => void) | undefined;
  let ended = false;
  const offer = (value: GqlResponse['body'] | undefined) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(value);
    } else pending.push(value);
  };
  return {
    results,
    push(result) {
      results.push(result);
      offer(result);
    },
    end() {
      if (ended) return;
      ended = true;
      offer(undefined);
    },
    next(timeoutMs = 30_000) {
      if (pending.length > 0) return Promise.resolve(pending.shift());
      if (ended) return Promise.resolve(undefined);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no subscription event within ${timeoutMs} ms`)), timeoutMs);
        waiting = (value) => {
          clearTimeout(timer);
          resolve(value);
        };
      });
    },
    close: onClose,
  };
}

/** Options of one subscription: its credential (null: none), variables and extra headers. */
export interface SubscribeOptions {
  auth?: string | null;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Parameters sent in place of `query` (a persisted request's `documentId`, or an APQ hash's `extensions`). */
  persisted?: Record<string, unknown>;
}

/** Subscribes over Server-Sent Events: POST with `Accept: text/event-stream`, read as a stream. */
export function sseSubscribe(url: string, query: string, options: SubscribeOptions = {}): ResultStream {
  const abort = new AbortController();
  const stream = resultQueue(() => abort.abort());
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream', ...options.headers };
  if (options.auth) headers.authorization = options.auth;
  void (async () => {
    try {
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(options.persisted ? { ...options.persisted, variables: options.variables } : { query, variables: options.variables }), signal: abort.signal });
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body!) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const event = /^event: (.*)$/m.exec(message)?.[1];
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (event === 'next' && data) stream.push(JSON.parse(data));
          if (event === 'complete') stream.end();
        }
      }
    } catch {
      // aborted by close(), or the gateway went away: the stream just ends
    }
    stream.end();
  })();
  return stream;
}

/** Subscribes over graphql-ws, sending the credential in `connectionParams.authorization`. */
export function wsSubscribe(wsUrl: string, query: string, options: SubscribeOptions = {}): ResultStream {
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: options.auth ? { authorization: options.auth } : {},
    lazy: true,
    retryAttempts: 0,
  });
  let unsubscribe = () => {};
  const stream = resultQueue(() => {
    unsubscribe();
    void client.dispose();
  });
  // graphql-ws requires a `query` string: a persisted request sends an empty one.
  const payload = options.persisted ? { query: '', ...options.persisted, variables: options.variables } : { query, variables: options.variables };
  unsubscribe = client.subscribe(payload, {
    next: (result) => stream.push(result as GqlResponse['body']),
    error: (error) => {
      stream.push({ errors: Array.isArray(error) ? error : [{ message: String((error as Error).message ?? error) }] });
      stream.end();
    },
    complete: () => stream.end(),
  });
  return stream;
}

/** Reads a stream to its end (or fails after `timeoutMs` without an event). */
export async function drain(stream: ResultStream, timeoutMs?: number): Promise<GqlResponse['body'][]> {
  while ((await stream.next(timeoutMs)) !== undefined);
  return stream.results;
}

/** What subscribers are told about, as AWX shows it to the admin now: the job's status and its nodes' jobs. */
async function awxState(demo: DemoAwx, id: string): Promise<string> {
  const read = async (path: string) => (await fetch(`${demo.url}${path}`, { headers: { authorization: ADMIN } })).json();
  const job = await read(`${demo.apiRoot}workflow_jobs/${id}/`);
  const nodes = (await read(`${demo.apiRoot}workflow_job_nodes/?workflow_job__in=${id}&order_by=id`)).results;
  return JSON.stringify([job.status, job.failed, job.finished, nodes.map((n: any) => [n.id, n.job, n.summary_fields?.job?.status, n.do_not_run])]);
}

/**
 * Moves a job in the demo AWX until something subscribers are told about changed (some steps only move
 * a spawned job's play along), so the subscription must answer with exactly one event.
 */
export async function advanceVisibly(demo: DemoAwx, id: string): Promise<void> {
  const before = await awxState(demo, id);
  for (let steps = 0; (await awxState(demo, id)) === before; steps++) {
    if (steps === 50) throw new Error(`job ${id} does not move`);
    demo.advanceJob(Number(id));
  }
}

/**
 * Launches `count` workflow jobs of the demo's template 26 (it asks for nothing at launch) as the admin, and
 * moves each to `status` (`pending`, `waiting` or `running`); returns their ids as GraphQL IDs.
 */
export async function launchJobs(demo: DemoAwx, count: number, status: 'pending' | 'waiting' | 'running' = 'running'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${demo.url}${demo.apiRoot}workflow_job_templates/26/launch/`, {
      method: 'POST', headers: { authorization: ADMIN, 'content-type': 'application/json' }, body: '{}',
    });
    const { workflow_job: id } = (await response.json()) as { workflow_job: number };
    for (let state = 'pending'; state !== status; state = demo.advanceJob(id));
    ids.push(String(id));
  }
  return ids;
}

/**
 * The gateways and streams of one test file, closed after each test: `gateway(options)` starts one gateway
 * (over `defaults`), `track(stream)` keeps a stream to close.
 */
export function useLiveTests(defaults: TestGatewayOptions = {}): {
  gateway: (options?: TestGatewayOptions) => Promise<TestGateway>;
  track: (stream: ResultStream) => ResultStream;
} {
  const gateways: TestGateway[] = [];
  const streams: ResultStream[] = [];
  afterEach(async () => {
    streams.splice(0).forEach((stream) => stream.close());
    await Promise.all(gateways.splice(0).map((gw) => gw.close()));
  });
  return {
    gateway: async (options = {}) => {
      const gw = await startTestGateway({ ...defaults, ...options });
      gateways.push(gw);
      return gw;
    },
    track: (stream) => {
      streams.push(stream);
      return stream;
    },
  };
}

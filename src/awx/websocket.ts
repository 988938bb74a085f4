/**
 * AWX's websocket (`/websocket/`): status changes of jobs pushed as they happen, read with the caller's own
 * credentials (`EventConsumer` in awx/main/consumers.py, routed in awx/main/routing.py; the messages are sent by
 * `UnifiedJob._websocket_emit_status` in awx/main/models/unified_jobs.py). Only this file knows the handshake
 * and the message shapes.
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import type { ApiLayout } from './apiLayout.js';
import type { AwxTransport } from './client.js';

/** A status change AWX pushed: the job that changed, and the workflow job that spawned it, if one did. */
export interface AwxStatusEvent {
  unifiedJobId: number;
  status?: string;
  /** AWX's job type, e.g. `workflow_job` or `job`. */
  type?: string;
  workflowJobId?: number;
}

/** Who listens, and to what. */
export interface AwxEventOptions {
  /** The caller's `Authorization`, sent on the handshake like on every read. */
  authorization?: string;
  requestId?: string;
  onEvent(event: AwxStatusEvent): void;
  /** The socket closed or failed after it was ready (not called after `close()`). */
  onLost(reason: string): void;
}

/** An open subscription to AWX's job status events. */
export interface AwxEventSocket {
  /** Resolves once AWX confirmed the groups; rejects with the reason when the socket cannot be used. */
  ready: Promise<void>;
  close(): void;
}

/**
 * AWX's websocket URL, `http` → `ws`, `https` → `wss`, the base URL's path kept: `/websocket/` for AWX's
 * own layout, `<api path>v2/websocket/` under a prefix such as AAP's `/api/controller/` (`awx/main/routing.py`
 * adds that route when OPTIONAL_API_URLPATTERN_PREFIX is set; behind AAP the unprefixed one is not routed).
 */
export function websocketUrl(baseUrl: URL, layout: ApiLayout): URL {
  const url = new URL(baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const base = url.pathname.replace(/\/+$/, '');
  url.pathname = layout.apiPath === '/api/' ? `${base}/websocket/` : `${base}${layout.apiPath}v2/websocket/`;
  url.search = '';
  return url;
}

/** The status event in one of AWX's frames, if the frame is one. */
export function statusEventOf(message: Record<string, unknown>): AwxStatusEvent | undefined {
  const id = message.unified_job_id;
  if (typeof id !== 'number') return undefined;
  const event: AwxStatusEvent = { unifiedJobId: id };
  if (typeof message.status === 'string') event.status = message.status;
  if (typeof message.type === 'string') event.type = message.type;
  if (typeof message.workflow_job_id === 'number') event.workflowJobId = message.workflow_job_id;
  return event;
}

function parseFrame(data: WebSocket.RawData): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(String(data));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Connects and subscribes to `jobs: status_changed`, the group of every unified job's status changes. AWX checks
 * no access on it (`consumer_access` in awx/main/access.py names only the per-object `*_events` groups) and
 * delivers its messages to every member (`emit_channel_notification` in awx/main/consumers.py), so any user may
 * join it and hears of every job; a job spawned by a workflow carries `workflow_job_id` there too
 * (`UnifiedJob.websocket_emit_data`), so one constant subscription serves every job a credential watches,
 * whereas `workflow_events-<id>` only repeats those messages, per job, behind an access check. AWX checks the
 * `xrftoken` against the `csrftoken` cookie of the handshake, so a random token goes in both.
 */
export function openStatusEvents(transport: AwxTransport, options: AwxEventOptions): AwxEventSocket {
  const layout = transport.api.layout;
  if (!layout) {
    const ready = Promise.reject(new Error('the AWX API path is not known yet'));
    ready.catch(() => {});
    return { ready, close: () => {} };
  }
  return new StatusEventSocket(transport, layout, options);
}

class StatusEventSocket implements AwxEventSocket {
  readonly ready: Promise<void>;
  private state: 'connecting' | 'ready' | 'closed' = 'connecting';
  private readonly socket: WebSocket;
  private readonly timer: NodeJS.Timeout;
  private settle!: { resolve: () => void; reject: (error: Error) => void };

  constructor(transport: AwxTransport, layout: ApiLayout, private readonly options: AwxEventOptions) {
    this.ready = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    this.ready.catch(() => {}); // a refusal is also reported to whoever awaits `ready`
    const csrf = randomBytes(24).toString('hex');
    const headers: Record<string, string> = { cookie: `csrftoken=${csrf}`, 'user-agent': 'awx-graphql' };
    if (options.authorization) headers.authorization = options.authorization;
    if (options.requestId) headers['x-request-id'] = options.requestId;
    this.socket = new WebSocket(websocketUrl(transport.baseUrl, layout), {
      headers, handshakeTimeout: transport.timeoutMs, followRedirects: false, perMessageDeflate: false, ...transport.tls,
    });
    // The upgrade has its own timeout; this one bounds AWX's answer to the subscription.
    this.timer = setTimeout(() => this.fail('AWX did not confirm the websocket subscription in time'), transport.timeoutMs * 2);
    this.socket.on('unexpected-response', (_request, response) => {
      response.resume();
      this.fail(`AWX refused the websocket with HTTP ${response.statusCode}`);
    });
    this.socket.on('error', (error) => this.fail(`websocket error: ${error.message}`));
    this.socket.on('close', (code) => this.fail(`AWX closed the websocket (${code})`));
    this.socket.on('open', () => {
      this.socket.send(JSON.stringify({ xrftoken: csrf, groups: { jobs: ['status_changed'] } }));
    });
    this.socket.on('message', (data) => this.receive(data));
  }

  close(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    clearTimeout(this.timer);
    this.settle.reject(new Error('closed'));
    this.socket.terminate();
  }

  /** AWX's frames: the reply to the subscription (or its refusal), then status events. */
  private receive(data: WebSocket.RawData): void {
    const message = parseFrame(data);
    if (!message || this.state === 'closed') return;
    if (typeof message.error === 'string') return this.fail(`AWX refused the websocket subscription: ${message.error}`);
    if (this.state === 'connecting' && Array.isArray(message.groups_current)) {
      this.state = 'ready';
      clearTimeout(this.timer);
      return this.settle.resolve();
    }
    const event = statusEventOf(message);
    if (event && this.state === 'ready') this.options.onEvent(event);
  }

  /** Before it was ready, the socket is refused (`ready` rejects); after, it is lost (`onLost`). */
  private fail(reason: string): void {
    if (this.state === 'closed') return;
    const wasReady = this.state === 'ready';
    this.state = 'closed';
    clearTimeout(this.timer);
    this.socket.terminate();
    if (wasReady) this.options.onLost(reason);
    else this.settle.reject(new Error(reason));
  }
}

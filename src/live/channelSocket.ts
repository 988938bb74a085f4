/** A credential's one AWX websocket, shared by every job its channel reads. */
import { openStatusEvents, type AwxEventSocket, type AwxStatusEvent } from '../awx/websocket.js';
import type { ChannelDeps } from './types.js';

/** What the channel is told by its socket. */
export interface SocketListener {
  onEvent(event: AwxStatusEvent): void;
  /** AWX confirmed the subscription: changes come through the socket from now on. */
  onReady(): void;
  /** The socket dropped after it was ready: changes must be polled for until it is back. */
  onLost(): void;
}

type State = 'idle' | 'connecting' | 'ready' | 'lost' | 'refused' | 'closed';

/**
 * Connects when asked (AWX_WEBSOCKET=auto). A socket that drops (AWX restarting) is tried again once,
 * SUBSCRIPTION_POLL_MAX_MS later; a refused one (no websocket behind the proxy, 403, 404) is tried again
 * only when a job joins at least that long after the refusal, so a controller without websocket costs one
 * handshake per credential per SUBSCRIPTION_POLL_MAX_MS at most.
 */
export class ChannelSocket {
  private state: State = 'idle';
  private socket?: AwxEventSocket;
  private refusedAt = -Infinity;
  private reconnect?: NodeJS.Timeout;

  constructor(private readonly deps: ChannelDeps, private readonly requestId: string, private readonly listener: SocketListener) {}

  /** Whether AWX's events come through now. */
  get ready(): boolean {
    return this.state === 'ready';
  }

  /** Whether a socket to AWX is open or opening. */
  get open(): boolean {
    return this.state === 'connecting' || this.state === 'ready';
  }

  /** Connects, unless connected, connecting, about to reconnect, off, or refused too recently. */
  want(): void {
    if (this.deps.config.websocket !== 'auto' || this.state === 'closed' || this.open || this.state === 'lost') return;
    if (this.state === 'refused' && Date.now() - this.refusedAt < this.deps.config.pollMaxMs) return;
    this.connect();
  }

  close(): void {
    this.state = 'closed';
    clearTimeout(this.reconnect);
    this.socket?.close();
  }

  private connect(): void {
    const { deps, listener } = this;
    this.state = 'connecting';
    const socket = openStatusEvents(deps.transport, {
      authorization: deps.authorization,
      requestId: this.requestId,
      onEvent: (event) => listener.onEvent(event),
      onLost: (reason) => this.lost(socket, reason),
    });
    this.socket = socket;
    socket.ready.then(
      () => {
        if (this.socket !== socket || this.state !== 'connecting') return;
        this.state = 'ready';
        deps.log.debug('watching jobs through AWX websocket');
        listener.onReady();
      },
      (error: Error) => {
        if (this.socket !== socket || this.state !== 'connecting') return;
        this.state = 'refused';
        this.refusedAt = Date.now();
        deps.log.info({ reason: error.message }, 'AWX websocket unavailable: polling the watched jobs');
      },
    );
  }

  private lost(socket: AwxEventSocket, reason: string): void {
    if (this.socket !== socket || this.state !== 'ready') return;
    this.state = 'lost';
    this.deps.log.info({ reason }, 'AWX websocket lost: polling the watched jobs');
    this.listener.onLost();
    this.reconnect = setTimeout(() => this.state === 'lost' && this.connect(), this.deps.config.pollMaxMs);
  }
}

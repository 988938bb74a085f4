import type { WebSocket } from 'ws';
import { Access } from '../http/roles.js';
import { canSee } from '../http/visibility.js';
import type { StatusMessage } from '../live/events.js';
import type { Caller, DemoData } from '../types.js';

/**
 * One websocket client of AWX's EventConsumer: it subscribes by sending
 * `{"xrftoken": <csrftoken cookie>, "groups": {"jobs": ["status_changed"], "workflow_events": [42]}}`
 * (each message replaces the whole set) and then receives the messages of its groups about jobs it may see.
 */

/** Groups whose values are ids of an object the subscriber must be able to read (consumer_access). */
const ID_GROUPS: Readonly<Record<string, 'workflow_jobs'>> = { workflow_events: 'workflow_jobs' };

/** The subscriptions and credentials of one connected client. */
export class EventSession {
  private groups = new Set<string>();

  constructor(
    private readonly socket: WebSocket,
    private readonly data: DemoData,
    private readonly caller: Caller,
    /** The `csrftoken` cookie of the handshake, which every subscription must echo as `xrftoken`. */
    private readonly csrfToken: string | undefined,
  ) {
    socket.on('message', (raw) => this.receive(String(raw)));
    this.send({ accept: true, user: caller.account.id });
  }

  /** Sends the messages whose group this client joined, about jobs it may see. */
  deliver(messages: readonly StatusMessage[]): void {
    for (const message of messages) {
      if (!this.groups.has(message.group)) continue;
      if (!canSee(new Access(this.data, this.caller), { record: message.job, collection: message.collection })) continue;
      this.send(message.payload);
    }
  }

  private receive(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return; // AWX's consumer drops frames that are not JSON
    }
    if (message === null || typeof message !== 'object' || !('groups' in message)) return;
    const { xrftoken, groups } = message as { xrftoken?: unknown; groups?: unknown };
    if (typeof xrftoken !== 'string' || xrftoken === '' || xrftoken !== this.csrfToken) {
      return this.send({ error: 'access denied to channel' });
    }
    const wanted = this.groupNames(groups);
    if (wanted) this.replace(wanted);
  }

  /** `<group>-<value>` names, leaving out ids the caller may not read; undefined when a value is not a list. */
  private groupNames(groups: unknown): Set<string> | undefined {
    const names = new Set<string>();
    for (const [group, values] of Object.entries(groups !== null && typeof groups === 'object' ? groups : {})) {
      if (!Array.isArray(values)) {
        this.send({ error: 'access denied to channel' });
        return undefined;
      }
      for (const value of values) {
        if (this.mayJoin(group, value)) names.add(`${group}-${String(value)}`);
        else this.send({ error: `access denied to channel ${group} for resource id ${String(value)}` });
      }
    }
    return names;
  }

  private mayJoin(group: string, value: unknown): boolean {
    const collection = ID_GROUPS[group];
    if (!collection) return true;
    const record = this.data.collections[collection].find((candidate) => candidate.id === Number(value));
    return record !== undefined && canSee(new Access(this.data, this.caller), { record, collection });
  }

  private replace(wanted: Set<string>): void {
    const left = [...this.groups].filter((name) => !wanted.has(name)).sort();
    const joined = [...wanted].filter((name) => !this.groups.has(name)).sort();
    this.groups = wanted;
    this.send({ groups_current: [...wanted].sort(), groups_left: left, groups_joined: joined });
  }

  private send(payload: unknown): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(payload));
  }
}

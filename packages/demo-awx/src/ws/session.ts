import type { WebSocket } from 'ws';
import { Access } from '../http/roles.js';
import { canSee } from '../http/visibility.js';
import type { StatusMessage } from '../engine/events.js';
import type { Caller, CollectionName, DemoData } from '../types.js';

/**
 * One websocket client of AWX's EventConsumer (awx/main/consumers.py): it subscribes by sending
 * `{"xrftoken": <csrftoken cookie>, "groups": {"jobs": ["status_changed"], "workflow_events": [42]}}`
 * (each message replaces the whole set) and then receives every message sent to its groups.
 */

/** Groups whose values are ids of an object the subscriber must be able to list (consumer_access). */
const ID_GROUPS: Readonly<Record<string, CollectionName>> = {
  job_events: 'jobs', workflow_events: 'workflow_jobs', ad_hoc_command_events: 'ad_hoc_commands',
};

/** The subscriptions and credentials of one connected client. */
export class EventSession {
  /** The groups the channel layer delivers to this client (group_add, group_discard). */
  private joined = new Set<string>();
  /** The groups its session remembers (`scope['session']['groups']`), which the next subscription replaces. */
  private remembered = new Set<string>();

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

  /**
   * Sends the messages of the groups this client joined. AWX checks access when a client joins a group,
   * never on delivery: everyone in `jobs-status_changed` hears about every job (internal_message).
   */
  deliver(messages: readonly StatusMessage[]): void {
    for (const message of messages) if (this.joined.has(message.group)) this.send(message.payload);
  }

  /** EventConsumer.receive_json, step by step. */
  private receive(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return; // not a subscription; the demo ignores it
    }
    if (message === null || typeof message !== 'object' || Array.isArray(message)) return;
    const { xrftoken } = message as { xrftoken?: unknown };
    if (typeof xrftoken !== 'string' || xrftoken === '' || xrftoken !== this.csrfToken) {
      return this.send({ error: 'access denied to channel' });
    }
    if ('groups' in message) this.subscribe((message as { groups: unknown }).groups);
  }

  /**
   * The session forgets its groups before reading the new ones. A group whose value is not a list stops
   * the message there: the client keeps receiving its old groups, but the session no longer remembers
   * them, so the next subscription cannot leave them. A denied id is skipped, the rest still joined.
   */
  private subscribe(groups: unknown): void {
    const current = this.remembered;
    this.remembered = new Set();
    const wanted = new Set<string>();
    for (const [group, values] of Object.entries(groups !== null && typeof groups === 'object' ? groups : {})) {
      if (!Array.isArray(values)) return this.send({ error: 'access denied to channel' });
      for (const value of values) {
        if (this.mayJoin(group, value)) wanted.add(`${group}-${String(value)}`);
        else this.send({ error: `access denied to channel ${group} for resource id ${String(value)}` });
      }
    }
    const left = [...current].filter((name) => !wanted.has(name)).sort();
    const joined = [...wanted].filter((name) => !current.has(name)).sort();
    for (const name of left) this.joined.delete(name);
    for (const name of joined) this.joined.add(name);
    this.remembered = wanted;
    this.send({ groups_current: [...wanted].sort(), groups_left: left, groups_joined: joined });
  }

  /** consumer_access: the object must be in the caller's queryset of its model (a list check, not can_read). */
  private mayJoin(group: string, value: unknown): boolean {
    const collection = ID_GROUPS[group];
    if (!collection) return true;
    const record = this.data.collections[collection].find((candidate) => candidate.id === Number(value));
    return record !== undefined && canSee(new Access(this.data, this.caller), { record, collection }, 'list');
  }

  private send(payload: unknown): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(payload));
  }
}

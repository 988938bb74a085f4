/** The demo AWX's websocket over real loopback: handshake, subscriptions, and status messages of moving jobs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ALICE, BOB, DAVE } from './demo-auth.js';
import { WebSocket } from 'ws';
import { startDemoAwx, type DemoAwx } from '../src/index.js';

const CSRF = 'test-csrf-token';

let demo: DemoAwx;
beforeAll(async () => {
  demo = await startDemoAwx();
});
afterAll(() => demo.close());

/** A connected client and the JSON messages it received, in order. */
interface Client {
  socket: WebSocket;
  messages: any[];
  /** Resolves with the next message not yet taken (waits up to 2 s). */
  next(): Promise<any>;
  /** Subscribes and returns the server's groups reply. */
  subscribe(groups: Record<string, unknown[]>, xrftoken?: string): Promise<any>;
}

function connect(auth: string | null, path = '/websocket/', server = demo): Promise<Client> {
  const headers: Record<string, string> = { Cookie: `csrftoken=${CSRF}` };
  if (auth) headers.Authorization = auth;
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}${path}`, { headers });
  const messages: any[] = [];
  let taken = 0;
  const waiters: (() => void)[] = [];
  socket.on('message', (raw) => {
    messages.push(JSON.parse(String(raw)));
    waiters.splice(0).forEach((wake) => wake());
  });
  const next = async () => {
    const deadline = Date.now() + 2_000;
    while (taken >= messages.length) {
      if (Date.now() > deadline) throw new Error(`no message after ${JSON.stringify(messages)}`);
      await new Promise<void>((resolve) => { waiters.push(resolve); setTimeout(resolve, 50); });
    }
    return messages[taken++];
  };
  const subscribe = (groups: Record<string, unknown[]>, xrftoken = CSRF) => {
    socket.send(JSON.stringify({ xrftoken, groups }));
    return next();
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages, next, subscribe }));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

async function launch(templateId: number, auth = ALICE): Promise<number> {
  const res = await fetch(`${demo.url}/api/v2/workflow_job_templates/${templateId}/launch/`, { method: 'POST', headers: { Authorization: auth } });
  return ((await res.json()) as { workflow_job: number }).workflow_job;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('handshake', () => {
  it('refuses a client without credentials with 403, and records every handshake', async () => {
    demo.clearRequests();
    // DAB's DrfAuthMiddleware denies the handshake (WebsocketDenier); Daphne answers 403 "Access denied", not 401.
    await expect(connect(null)).rejects.toThrow('HTTP 403');
    await expect(connect('Bearer wrong', '/api/websocket/')).rejects.toThrow('HTTP 403');
    const refused = await new Promise<{ reason?: string; body: string }>((resolve) => {
      new WebSocket(`${demo.url.replace('http', 'ws')}/websocket/`).once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (chunk) => (body += String(chunk))).once('end', () => resolve({ reason: res.statusMessage, body }));
      });
    });
    expect(refused).toEqual({ reason: 'Access denied', body: '' });
    expect(demo.requests.map((r) => [r.method, r.pathname])).toEqual([['GET', '/websocket/'], ['GET', '/api/websocket/'], ['GET', '/websocket/']]);
    await expect(connect(ADMIN, '/elsewhere/')).rejects.toThrow('HTTP 404');
  });

  it('accepts a user on both paths with {"accept": true, "user": id}', async () => {
    for (const path of ['/websocket/', '/api/websocket/']) {
      const client = await connect(ALICE, path);
      expect(await client.next()).toEqual({ accept: true, user: 2 });
      client.socket.close();
    }
  });

  it('goes through faults, and is refused with 404 when the websocket is off', async () => {
    demo.addFault({ fault: { type: 'status', status: 502 }, match: (r) => r.pathname === '/websocket/', times: 1 });
    await expect(connect(ADMIN)).rejects.toThrow('HTTP 502');
    const closed = await startDemoAwx({ websocket: false });
    try {
      await expect(connect(ADMIN, '/websocket/', closed)).rejects.toThrow('HTTP 404');
      expect(closed.requests.map((r) => r.pathname)).toEqual(['/websocket/']);
    } finally {
      await closed.close();
    }
  });
});

describe('subscriptions', () => {
  it('needs the csrftoken cookie echoed as xrftoken, and replaces the whole set each time', async () => {
    const client = await connect(ALICE);
    await client.next();
    expect(await client.subscribe({ jobs: ['status_changed'] }, 'other')).toEqual({ error: 'access denied to channel' });
    expect(await client.subscribe({ jobs: ['status_changed'], workflow_events: [237] })).toEqual({
      groups_current: ['jobs-status_changed', 'workflow_events-237'], groups_left: [], groups_joined: ['jobs-status_changed', 'workflow_events-237'],
    });
    expect(await client.subscribe({ jobs: ['status_changed'] })).toEqual({
      groups_current: ['jobs-status_changed'], groups_left: ['workflow_events-237'], groups_joined: [],
    });
    client.socket.send(JSON.stringify({ xrftoken: CSRF, groups: { workflow_events: [1] } }));
    expect(await client.next()).toEqual({ error: 'access denied to channel workflow_events for resource id 1' });
    expect(await client.next()).toEqual({ groups_current: [], groups_left: ['jobs-status_changed'], groups_joined: [] });
    client.socket.close();
  });
});

/** The next message about job `id` (skipping other jobs' and groups' messages). */
async function nextAbout(client: Client, id: number): Promise<any> {
  for (;;) {
    const message = await client.next();
    if (message.unified_job_id === id) return message;
  }
}

describe('subscriptions the way EventConsumer.receive_json handles them (awx/main/consumers.py)', () => {
  it('answers a denied id with its own error, and still joins the rest of that message', async () => {
    const client = await connect(ALICE);
    await client.next();
    await client.subscribe({ jobs: ['status_changed'] });
    client.socket.send(JSON.stringify({ xrftoken: CSRF, groups: { workflow_events: [1, 237], jobs: ['status_changed'] } }));
    expect(await client.next()).toEqual({ error: 'access denied to channel workflow_events for resource id 1' });
    expect(await client.next()).toEqual({
      groups_current: ['jobs-status_changed', 'workflow_events-237'], groups_left: [], groups_joined: ['workflow_events-237'],
    });
    const id = await launch(29);
    expect(await nextAbout(client, id)).toMatchObject({ status: 'pending', group_name: 'jobs' });
    client.socket.close();
  });

  it('stops at a group that is not a list: the old groups keep delivering, but the session has forgotten them', async () => {
    const client = await connect(ALICE);
    await client.next();
    await client.subscribe({ jobs: ['status_changed'] });
    client.socket.send(JSON.stringify({ xrftoken: CSRF, groups: { jobs: 'status_changed' } }));
    expect(await client.next()).toEqual({ error: 'access denied to channel' });
    const id = await launch(29);
    expect(await nextAbout(client, id)).toMatchObject({ status: 'pending' });
    // The groups were popped from the session before the loop: the next message cannot leave them.
    expect(await client.subscribe({ workflow_events: [id] })).toEqual({
      groups_current: [`workflow_events-${id}`], groups_left: [], groups_joined: [`workflow_events-${id}`],
    });
    demo.advanceJob(id);
    expect(await nextAbout(client, id)).toMatchObject({ status: 'waiting', group_name: 'jobs' });
    client.socket.close();
  });

  it('checks the xrftoken before anything else, leaving the groups as they were', async () => {
    const client = await connect(ALICE);
    await client.next();
    await client.subscribe({ jobs: ['status_changed'] });
    client.socket.send(JSON.stringify({ xrftoken: 'forged' }));
    expect(await client.next()).toEqual({ error: 'access denied to channel' });
    const id = await launch(29);
    expect(await nextAbout(client, id)).toMatchObject({ status: 'pending' });
    client.socket.close();
  });

  it('lets a user join a job\'s group only when the job is in their list of it (consumer_access → get_queryset)', async () => {
    const bulk = demo.data.bulkJobs[0]!;
    const [bob, dave] = await Promise.all([connect(BOB), connect(DAVE)]);
    await Promise.all([bob.next(), dave.next()]);
    // bob launched the bulk job and may read it by id, but WorkflowJobAccess lists it to Operations' admins only.
    bob.socket.send(JSON.stringify({ xrftoken: CSRF, groups: { workflow_events: [bulk] } }));
    expect(await bob.next()).toEqual({ error: `access denied to channel workflow_events for resource id ${bulk}` });
    expect(await dave.subscribe({ workflow_events: [bulk] })).toMatchObject({ groups_current: [`workflow_events-${bulk}`] });
    bob.socket.close();
    dave.socket.close();
  });
});

describe('status messages', () => {
  it('reports every status change of a moving workflow job and of the jobs it spawns', async () => {
    const client = await connect(ALICE);
    await client.next();
    const id = await launch(30);
    await client.subscribe({ jobs: ['status_changed'], workflow_events: [id] });
    while (!['successful', 'failed'].includes(demo.advanceJob(id)));
    await settle();
    const own = client.messages.slice(2);
    const workflow = own.filter((m) => m.unified_job_id === id);
    expect(workflow.map((m) => m.status)).toEqual(['waiting', 'running', 'successful']);
    expect(workflow[2]).toEqual({
      unified_job_id: id, status: 'successful', finished: expect.stringMatching(/\.\d{6}Z$/), type: 'workflow_job',
      group_name: 'jobs', unified_job_template_id: 30,
    });
    const spawned = own.filter((m) => m.workflow_job_id === id && m.group_name === 'jobs');
    expect(spawned.length).toBeGreaterThanOrEqual(9);
    const running = spawned.find((m) => m.status === 'running');
    expect(running).toEqual({
      unified_job_id: running.unified_job_id, status: 'running', instance_group_name: 'default', type: running.type,
      workflow_job_id: id, workflow_node_id: expect.any(Number), group_name: 'jobs', unified_job_template_id: expect.any(Number),
    });
    const events = own.filter((m) => m.group_name === 'workflow_events');
    expect(events.map((m) => ({ ...m, group_name: 'jobs', workflow_job_template_id: undefined }))).toEqual(
      spawned.map((m) => ({ ...m, workflow_job_template_id: undefined })));
    // _websocket_emit_status sets workflow_job_template_id to the spawned job's own template, whatever its name says.
    for (const event of events) expect(event.workflow_job_template_id).toBe(event.unified_job_template_id);
    client.socket.close();
  });

  it('tells every subscriber about every job: AWX checks access when a group is joined, not on delivery', async () => {
    const [alice, bob] = await Promise.all([connect(ALICE), connect(BOB)]);
    await Promise.all([alice.next(), bob.next()]);
    await Promise.all([alice.subscribe({ jobs: ['status_changed'] }), bob.subscribe({ jobs: ['status_changed'] })]);
    const id = await launch(29);
    demo.advanceJob(id);
    // EventConsumer.internal_message sends a group's messages as they are: bob hears of alice's Engineering job.
    for (const client of [alice, bob]) {
      const heard = [await client.next(), await client.next()];
      expect(heard.map((m) => [m.unified_job_id, m.status])).toEqual([[id, 'pending'], [id, 'waiting']]);
    }
    alice.socket.close();
    bob.socket.close();
  });

  it('drops every client on disconnectWebsockets and on close', async () => {
    const own = await startDemoAwx();
    const client = await connect(ADMIN, '/websocket/', own);
    const closed = new Promise((resolve) => client.socket.once('close', resolve));
    own.disconnectWebsockets();
    await closed;
    const again = await connect(ADMIN, '/websocket/', own);
    const closedAgain = new Promise((resolve) => again.socket.once('close', resolve));
    await own.close();
    await closedAgain;
  });
});

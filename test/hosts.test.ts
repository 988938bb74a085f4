/**
 * Which Host a request may name, before anything runs: a malformed Host or request line gets the gateway's JSON
 * 400 (never Node's or the Fetch adapter's 500 with a stack), and a gateway holding ambient authority answers
 * only to loopback names or ALLOWED_HOSTS, so a DNS-rebinding page cannot act with it (src/http/hosts.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '@awx-graphql/demo-awx';
import { crossSiteOrigin } from '../src/security.js';
import { hostPolicy, parseHost } from '../src/http/hosts.js';
import { startTestGateway, type TestGateway } from './gateway.js';
import { open, parseResponse, postText, rawRequest } from './rawHttp.js';

const QUERY = JSON.stringify({ query: '{ workflowJob(id: 1) { id } }' });
const LAUNCH = JSON.stringify({ query: 'mutation { launchWorkflowJobTemplate(id: 7) { job { id } } }' });
const token = DEMO_CREDENTIALS.admin.token;

let ambient: TestGateway; // AWX_TOKEN set, ALLOWED_HOSTS unset: loopback names only
let listed: TestGateway; // AWX_TOKEN and ALLOWED_HOSTS set
let plain: TestGateway; // no ambient authority: any well-formed name
beforeAll(async () => {
  [ambient, listed, plain] = await Promise.all([
    startTestGateway({ awxToken: token }),
    startTestGateway({ awxToken: token, http: { allowedHosts: ['graphql.example.com', '.corp.example'] } }),
    startTestGateway(),
  ]);
});
afterAll(() => Promise.all([ambient.close(), listed.close(), plain.close()]));
beforeEach(() => ambient.demo.clearRequests());

const port = (gw: TestGateway) => new URL(gw.url).port;

function expectJsonError(response: { status: number; headers: Record<string, string>; body: string }, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(JSON.parse(response.body)).toMatchObject({ errors: [{ extensions: { code } }] });
  expect(response.body).not.toMatch(/\bat \S+ \(|node_modules|\/work\//); // no stack, no install path
}

describe('malformed requests', () => {
  for (const host of ['127.0.0.1:99999', 'a b', '[::1', 'user@localhost', 'x'.repeat(300), 'localhost/evil']) {
    it(`answers Host ${JSON.stringify(host.slice(0, 20))} with a JSON 400 on every path, and logs it`, async () => {
      for (const path of ['/graphql', '/health', '/nowhere']) {
        const response = await rawRequest(plain.url, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
        expectJsonError(response, 400, 'BAD_REQUEST');
      }
      expect(plain.logs.some((line) => line.includes('request refused before it ran') && line.includes('"status":400'))).toBe(true);
    });
  }

  it('answers a missing Host, a broken request line and a broken header with a JSON 400', async () => {
    for (const text of ['GET /graphql HTTP/1.1\r\nConnection: close\r\n\r\n', 'GARBAGE\r\n\r\n', 'GET /graphql HTTP/1.1\r\nHost: localhost\r\nno colon here\r\n\r\n']) {
      expectJsonError(await rawRequest(plain.url, text), 400, 'BAD_REQUEST');
    }
  });
});

describe('host names with ambient authority', () => {
  it('refuses a DNS-rebinding page (its own name as Host and Origin) before anything runs', async () => {
    const evil = `rebind.evil.example:${port(ambient)}`;
    for (const body of [LAUNCH, QUERY]) {
      const response = await rawRequest(ambient.url, postText(evil, body, { origin: `http://${evil}`, 'sec-fetch-site': 'same-origin' }));
      expectJsonError(response, 403, 'HOST_NOT_ALLOWED');
      expect(JSON.parse(response.body).errors[0].message).toContain('loopback names only');
    }
    expect(ambient.demo.requests).toHaveLength(0);
  });

  it('answers loopback names, and probes whatever the Host', async () => {
    for (const host of [`localhost:${port(ambient)}`, `127.0.0.1:${port(ambient)}`, '[::1]', 'app.localhost', 'LOCALHOST']) {
      const response = await rawRequest(ambient.url, postText(host, QUERY));
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ data: { workflowJob: { id: '1' } } });
    }
    const probe = await rawRequest(ambient.url, 'GET /health HTTP/1.1\r\nHost: 10.1.2.3:4000\r\nConnection: close\r\n\r\n');
    expect(probe.status).toBe(200);
  });

  it('answers the names ALLOWED_HOSTS lists (a leading dot: the domain and its subdomains), and no other', async () => {
    for (const host of ['graphql.example.com', 'GraphQL.example.com:443', 'corp.example', 'team.corp.example']) {
      expect((await rawRequest(listed.url, postText(host, QUERY))).status).toBe(200);
    }
    for (const host of ['localhost', 'graphql.example.com.evil.example', 'evilcorp.example', 'example.com']) {
      expectJsonError(await rawRequest(listed.url, postText(host, QUERY)), 403, 'HOST_NOT_ALLOWED');
    }
  });

  it('answers any well-formed name when there is no ambient authority to borrow', async () => {
    const response = await rawRequest(plain.url, postText('rebind.evil.example', QUERY));
    expect(response.status).not.toBe(403);
    expect(response.body).not.toContain('HOST_NOT_ALLOWED');
  });

  it('takes a graphql-ws upgrade only from a host it answers to', async () => {
    const upgrade = async (host: string) => {
      const socket = await open(ambient.url);
      const head = new Promise<string>((resolve) => socket.once('data', (chunk) => resolve(String(chunk))));
      socket.write(`GET /graphql HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`);
      const response = parseResponse(await head);
      socket.destroy();
      return response;
    };
    expect((await upgrade(`localhost:${port(ambient)}`)).status).toBe(101);
    expectJsonError(await upgrade(`rebind.evil.example:${port(ambient)}`), 403, 'HOST_NOT_ALLOWED');
    expectJsonError(await upgrade('a b'), 400, 'BAD_REQUEST');
  });
});

describe('the cross-site check', () => {
  it('does not take an origin built from Host as same-origin unless the gateway answers to that host', () => {
    const request = (host: string) => new Request(`http://${host}/graphql`, { headers: { origin: `http://${host}`, 'sec-fetch-site': 'same-origin' } });
    const loopbackOnly = hostPolicy(undefined, true);
    expect(crossSiteOrigin(request('rebind.evil.example:4000'), loopbackOnly)).toBe('http://rebind.evil.example:4000');
    expect(crossSiteOrigin(request('localhost:4000'), loopbackOnly)).toBeNull();
    expect(crossSiteOrigin(request('rebind.evil.example:4000'), hostPolicy(['graphql.example.com'], true))).toBe('http://rebind.evil.example:4000');
  });
});

describe('hosts already seen', () => {
  it('are answered as the first time, well-formed or not, however many names callers send', () => {
    const names = ['Localhost:4000', 'graphql.example.com', '[::1]:80', 'a b', 'user@localhost', '127.0.0.1:99999'];
    const first = names.map((name) => parseHost(name));
    expect(first).toEqual([{ hostname: 'localhost', port: '4000' }, { hostname: 'graphql.example.com', port: '' }, { hostname: '[::1]', port: '' }, undefined, undefined, undefined]);
    for (let i = 0; i < 600; i++) parseHost(`host-${i}.example`); // past the memory's bound: it starts over
    expect(names.map((name) => parseHost(name))).toEqual(first);
    expect(parseHost('host-599.example')).toEqual({ hostname: 'host-599.example', port: '' });
  });
});

describe('request targets', () => {
  it('route as their normalized path: dot segments, its slash and a query reach /graphql; an escaped or longer path does not', async () => {
    for (const path of ['/graphql', '/graphql/', '/x/../graphql', '/./graphql', '/graphql?query=%7B__typename%7D']) {
      const response = await rawRequest(plain.url, `GET ${path}${path.includes('?') ? '' : '?query=%7B__typename%7D'} HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n`);
      expect([path, response.status, JSON.parse(response.body)]).toEqual([path, 200, { data: { __typename: 'Query' } }]);
    }
    for (const path of ['/graphqlx', '/foo/graphql', '/%67raphql', '/graphql/..%2Fx']) {
      const response = await rawRequest(plain.url, `GET ${path}?query=%7B__typename%7D HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n`);
      expect([path, response.status]).toEqual([path, 404]);
    }
  });
});

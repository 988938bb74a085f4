/**
 * vitest globalSetup for the Apollo Federation subgraph compatibility suite, without Docker or rover:
 * the package's reference users (4002) and inventory (4003) subgraphs as child processes, our
 * "products" fixture on 4001, and in place of the Apollo Router an in-process Hive Gateway on 4000
 * over a supergraph composed here. The ports are fixed: the compiled tests hard-code them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { startProducts } from './products/server.js';

const GATEWAY_PORT = 4000;
const PRODUCTS_PORT = 4001;
const USERS_PORT = 4002;
const INVENTORY_PORT = 4003;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

const suiteDir = dirname(
  createRequire(import.meta.url).resolve('@apollo/federation-subgraph-compatibility-tests/package.json'),
);

/** One reference subgraph child process, with its output kept for error messages. */
interface Child {
  name: string;
  proc: ChildProcess;
  output: string[];
}

/** Fails unless nothing listens on `port`: probing with a listen, as the servers themselves will. */
async function assertPortFree(port: number): Promise<void> {
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, () => resolve());
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new Error(
      `federation-compat: port ${port} is not free (${code}). The compatibility suite needs ports 4000-4003; ` +
        'stop whatever listens there (an AWX gateway on its default PORT=4000?) and rerun.',
    );
  }
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

/** Spawns a reference subgraph bundle shipped in the suite's package. */
function spawnSubgraph(name: string, portVar: string, port: number): Child {
  const proc = spawn(process.execPath, [join(suiteDir, 'dist/subgraphs', name, 'index.js')], {
    env: { ...process.env, [portVar]: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(chunk.toString());
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  proc.on('error', (err) => output.push(`spawn error: ${err.message}`));
  return { name, proc, output };
}

/** POSTs a GraphQL query and returns the parsed body. */
async function post(url: string, query: string): Promise<{ data?: Record<string, unknown>; errors?: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(2_000),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
}

/** Polls `{ __typename }` until the server answers, its child process exits, or the deadline passes. */
async function waitReady(name: string, url: string, deadline: number, child?: Child): Promise<void> {
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child && child.proc.exitCode !== null) {
      throw new Error(`federation-compat: ${name} exited with code ${child.proc.exitCode}:\n${child.output.join('')}`);
    }
    try {
      const body = await post(url, '{ __typename }');
      if (body.data?.['__typename']) return;
      last = JSON.stringify(body);
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const out = child ? `\n--- ${name} output ---\n${child.output.join('') || '(none)'}` : '';
  throw new Error(`federation-compat: ${name} at ${url} did not answer { __typename } in ${READY_TIMEOUT_MS} ms (last: ${last})${out}`);
}

/** Fetches a subgraph's SDL, as the Router's composition would. */
async function subgraphSdl(url: string): Promise<string> {
  const body = await post(url, '{ _service { sdl } }');
  const service = body.data?.['_service'] as { sdl?: string } | undefined;
  if (!service?.sdl) throw new Error(`federation-compat: no _service.sdl from ${url}: ${JSON.stringify(body)}`);
  return service.sdl;
}

/** SIGTERM, then SIGKILL if the child has not exited in time; resolves once it is gone. */
async function stopChild(child: Child): Promise<void> {
  const { proc } = child;
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Starts the four servers; returns the teardown vitest calls after the project's tests. */
export default async function setup(): Promise<() => Promise<void>> {
  for (const port of [GATEWAY_PORT, PRODUCTS_PORT, USERS_PORT, INVENTORY_PORT]) await assertPortFree(port);

  const children: Child[] = [];
  const closers: (() => Promise<void>)[] = [];
  // Last resort if vitest exits without teardown: no orphaned subgraph keeps 4002/4003.
  const killOnExit = () => children.forEach((c) => c.proc.kill('SIGKILL'));
  process.once('exit', killOnExit);

  const teardown = async () => {
    const results = await Promise.allSettled([...closers.reverse().map((close) => close()), ...children.map(stopChild)]);
    process.off('exit', killOnExit);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed.length) throw new Error(`federation-compat teardown: ${failed.map((f) => String(f.reason)).join('; ')}`);
  };

  try {
    const users = spawnSubgraph('users', 'USERS_PORT', USERS_PORT);
    const inventory = spawnSubgraph('inventory', 'INVENTORY_PORT', INVENTORY_PORT);
    children.push(users, inventory);
    const products = await startProducts(PRODUCTS_PORT);
    closers.push(products.close);

    const deadline = Date.now() + READY_TIMEOUT_MS;
    const subgraphs = [
      { name: 'products', url: products.url },
      { name: 'users', url: `http://localhost:${USERS_PORT}/`, child: users },
      { name: 'inventory', url: `http://localhost:${INVENTORY_PORT}/`, child: inventory },
    ];
    await Promise.all(subgraphs.map((s) => waitReady(s.name, s.url, deadline, s.child)));

    // Compose from what each subgraph serves, as `rover dev` would before starting the Router.
    const services = await Promise.all(
      subgraphs.map(async (s) => ({ name: s.name, url: s.url, typeDefs: parse(await subgraphSdl(s.url)) })),
    );
    const composed = composeServices(services);
    if (composed.errors) {
      throw new Error(`federation-compat: composition failed:\n${composed.errors.map((e) => e.message).join('\n')}`);
    }

    const gateway = createGatewayRuntime({ supergraph: composed.supergraphSdl, graphqlEndpoint: '/', logging: false });
    const gatewayServer: Server = createServer(gateway);
    await new Promise<void>((resolve, reject) => {
      gatewayServer.once('error', reject);
      gatewayServer.listen(GATEWAY_PORT, () => resolve());
    });
    closers.push(async () => {
      gatewayServer.closeAllConnections();
      await new Promise<void>((resolve) => gatewayServer.close(() => resolve()));
      await gateway.dispose();
    });
    await waitReady('gateway', `http://localhost:${GATEWAY_PORT}/`, Date.now() + READY_TIMEOUT_MS);

    // The compiled tests read PRODUCTS_URL when their client module loads, in the workers forked
    // after this; a value already set (e.g. a negative control) is left alone.
    process.env['PRODUCTS_URL'] ??= products.url;
  } catch (err) {
    await teardown().catch(() => undefined);
    throw err;
  }
  return teardown;
}

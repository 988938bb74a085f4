/** A supergraph for tests: subgraphs composed with `composeServices`, served by Hive Gateway on a loopback port. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { ADMIN } from '../demo-auth.js';

/** A running supergraph: its composed SDL, and queries sent through it with a caller's Authorization. */
export interface TestSupergraph {
  supergraphSdl: string;
  query(query: string, auth?: string): Promise<{ data?: any; errors?: { message: string; path?: unknown[] }[] }>;
  close(): void;
}

/** Each subgraph's SDL as it serves it (`_service { sdl }`), read as `auth`. */
async function sdlOf(url: string, auth: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
  return parse(((await response.json()) as { data: { _service: { sdl: string } } }).data._service.sdl);
}

/**
 * Composes the subgraphs (failing on any composition error) and serves them through Hive Gateway, which
 * passes each client's Authorization on, as a production router must (AWX answers with that user's rights).
 */
export async function startSupergraph(subgraphs: readonly { name: string; url: string }[]): Promise<TestSupergraph> {
  const composed = composeServices(await Promise.all(subgraphs.map(async ({ name, url }) => ({ name, url, typeDefs: await sdlOf(url, ADMIN) }))));
  if (composed.errors?.length) throw new Error(`composition failed: ${composed.errors.map((e) => e.message).join('\n')}`);
  const supergraphSdl = composed.supergraphSdl!;
  const runtime = createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: false,
    propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }) },
  });
  const server: Server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    supergraphSdl,
    async query(query, auth = ADMIN) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify({ query }) });
      return (await response.json()) as { data?: any; errors?: { message: string; path?: unknown[] }[] };
    },
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

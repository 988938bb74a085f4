/** Serves the compatibility-suite "products" subgraph, built exactly as the AWX subgraph is. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { buildSubgraph, subgraphPlugins } from '../../../src/subgraph.js';
import { resolvers } from './resolvers.js';

/** Starts the products subgraph on `port` (all interfaces, like the reference subgraphs); resolves once listening. */
export async function startProducts(port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));
  // Same helper and Yoga plugins as the AWX gateway: the suite then certifies our subgraph stack.
  const yoga = createYoga({ schema: buildSubgraph(typeDefs, resolvers), graphqlEndpoint: '/', plugins: subgraphPlugins() });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return {
    url: `http://localhost:${port}/`,
    close: async () => {
      // Keep-alive sockets from the tests' fetches would otherwise hold close() open.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await yoga.dispose();
    },
  };
}

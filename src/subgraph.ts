/** How this project builds and serves an Apollo Federation v2 subgraph (the AWX schema and test fixtures alike). */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { useApolloInlineTrace } from '@graphql-yoga/plugin-apollo-inline-trace';
import { graphqlSync, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** A subgraph schema: `_service { sdl }` and `_entities` added, `__resolveReference` resolvers wired. */
export function buildSubgraph(typeDefs: DocumentNode, resolvers: object): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }]);
}

/** The subgraph SDL a supergraph composes (with `@link` and `@key`): exactly what `_service { sdl }` serves. */
export function printSubgraph(schema: GraphQLSchema): string {
  const result = graphqlSync({ schema, source: '{ _service { sdl } }' });
  const sdl = (result.data as { _service?: { sdl?: string } } | null)?._service?.sdl;
  if (!sdl) throw new Error(`cannot print the subgraph SDL: ${JSON.stringify(result.errors)}`);
  return sdl;
}

/**
 * Yoga plugins every subgraph of ours runs: federated tracing (ftv1), answered only when a gateway
 * asks with the `apollo-federation-include-trace` header.
 */
export function subgraphPlugins(): Plugin[] {
  return [useApolloInlineTrace()];
}

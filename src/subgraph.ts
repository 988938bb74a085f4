/** How this project builds and serves an Apollo Federation v2 subgraph (the AWX schema and test fixtures alike). */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { useApolloInlineTrace } from '@graphql-yoga/plugin-apollo-inline-trace';
import { GraphQLError, graphqlSync, isInterfaceType, isUnionType, subscribe, type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { answeringGoneCallers } from './execution/callerGone.js';
import { compiledQueries } from './execution/compiledQueries.js';

/**
 * A subgraph schema: `_service { sdl }` and `_entities` added, `__resolveReference` resolvers wired, and
 * representations checked before any is resolved (`checkedEntities`).
 */
export function buildSubgraph(typeDefs: DocumentNode, resolvers: object): GraphQLSchema {
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }]);
  const entities = schema.getQueryType()?.getFields()._entities;
  const union = schema.getType('_Entity');
  if (entities?.resolve && isUnionType(union)) entities.resolve = checkedEntities(entities.resolve, new Set([...union.getTypes().map((t) => t.name), ...entityInterfaces(schema)]));
  return schema;
}

/** Interfaces with `@key` (federation 2.3's entity interfaces): `_entities` resolves them too, though `_Entity` lists only object types. */
function entityInterfaces(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter(isInterfaceType)
    .filter((type) => [type.astNode, ...type.extensionASTNodes].some((node) => node?.directives?.some((d) => d.name.value === 'key')))
    .map((type) => type.name);
}

/**
 * A representation is the caller's input: one that is not an object naming an entity type of this subgraph
 * (`Nope`, `__proto__`, `Query`, a scalar) is a BAD_USER_INPUT error for the whole field, as a bad argument
 * would be, not a resolver crash (federation's own resolver looks the name up as a property, prototype included).
 */
function checkedEntities(resolve: GraphQLFieldResolver<unknown, unknown>, types: ReadonlySet<string>): GraphQLFieldResolver<unknown, unknown> {
  return (source, args: { representations?: unknown }, context, info) => {
    const representations = Array.isArray(args.representations) ? args.representations : [];
    representations.forEach((representation: unknown, index) => {
      const typename = representation && typeof representation === 'object' ? (representation as { __typename?: unknown }).__typename : undefined;
      if (typeof typename === 'string' && types.has(typename)) return;
      const shown = typeof typename === 'string' ? `"${typename.slice(0, 100)}"` : 'no __typename';
      throw new GraphQLError(`representations[${index}] has ${shown}: each must be an object whose __typename is an entity type of this API (a type or interface with @key, such as ${[...types].slice(0, 3).join(', ')}).`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });
    return resolve(source, args, context, info);
  };
}

/** The subgraph SDL a supergraph composes (with `@link` and `@key`): exactly what `_service { sdl }` serves. */
export function printSubgraph(schema: GraphQLSchema): string {
  const result = graphqlSync({ schema, source: '{ _service { sdl } }' });
  const sdl = (result.data as { _service?: { sdl?: string } } | null)?._service?.sdl;
  if (!sdl) throw new Error(`cannot print the subgraph SDL: ${JSON.stringify(result.errors)}`);
  return sdl;
}

/** The header a supergraph router sends to ask a subgraph for its federated trace (ftv1). */
const TRACE_HEADER = 'apollo-federation-include-trace';

/**
 * Yoga plugins every subgraph of ours runs: federated tracing (ftv1), answered only when a gateway
 * asks with the `apollo-federation-include-trace` header.
 */
export function subgraphPlugins(): Plugin[] {
  return [useApolloInlineTrace()];
}

/**
 * The trace plugin wraps every field's resolver of the schema Yoga serves, which costs each field of every
 * request a closure and a lookup even when no trace was asked for. Operations that ask for none run against
 * `untraced` instead: a copy of the schema made before Yoga was given it (`mapSchema`), so the same types and
 * resolvers without the wrappers; queries asked before run compiled (src/execution/compiledQueries.ts). List it
 * after every plugin that replaces the execute function, so it changes only the schema the final one is given.
 */
export function useUntracedExecution(untraced: GraphQLSchema): Plugin {
  const traced = (context: unknown) => (context as { request?: Request } | undefined)?.request?.headers.get(TRACE_HEADER) === 'ftv1';
  const compiled = compiledQueries(untraced);
  type Execute = Parameters<NonNullable<Plugin['onExecute']>>[0];
  type Subscribe = Parameters<NonNullable<Plugin['onSubscribe']>>[0];
  return {
    onExecute({ args, executeFn, setExecuteFn }: Execute) {
      // Each path answers a query whose caller has gone with one error (src/execution/callerGone.ts).
      if (traced(args.contextValue)) setExecuteFn(answeringGoneCallers(executeFn));
      else setExecuteFn((run) => compiled(run) ?? answeringGoneCallers(executeFn)({ ...run, schema: untraced }));
    },
    // graphql-js's own subscribe: graphql-tools' (Yoga's default, for @defer and @stream, which our schema does not
    // declare) wraps each event stream in two more async generators, held by every subscriber for its whole life.
    onSubscribe({ args, setSubscribeFn }: Subscribe) {
      if (!traced(args.contextValue)) setSubscribeFn((run) => subscribe({ ...run, schema: untraced }));
    },
  };
}

/**
 * `Node`, `Query.node` and `Query.nodes`: any AWX object by its global id, read through this request's batched
 * by-id loader of its collection, so a global id costs what `job(id:)` or a federation entity does.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { NodeResolvers, QueryResolvers } from '../__generated__/resolvers-types.js';
import { kindOfType } from '../awx/kinds.js';
import type { GatewayContext } from '../context.js';
import { quote, upstreamDataError } from '../errors.js';
import { parseGlobalId, toGlobalId, type NodeRef } from './globalIds.js';

/** `<Type>.globalId` for every kind: the type being resolved and the object's AWX id. */
export function globalId(parent: { id: number }, _args: unknown, _context: unknown, info: GraphQLResolveInfo): string {
  return toGlobalId(info.parentType.name, parent.id);
}

export const Node: NodeResolvers = {
  __resolveType: (object) => {
    const kind = kindOfType(object.type);
    if (!kind) throw upstreamDataError(`AWX sent an object of type ${quote(object.type)}, which this gateway does not know.`);
    return kind.graphqlType;
  },
};

function load({ kind, id }: NodeRef, { loaders }: GatewayContext) {
  return loaders.byId(kind.resource).load(id);
}

/** `node(globalId:)` and `nodes(globalIds:)`: every id is checked before any is read. */
export const nodeRoots: Pick<QueryResolvers, 'node' | 'nodes'> = {
  node: (_root, args, context) => load(parseGlobalId(args.globalId, 'globalId'), context),
  nodes: (_root, args, context) => {
    const refs = args.globalIds.map((raw) => parseGlobalId(raw, 'globalIds'));
    return Promise.all(refs.map((ref) => load(ref, context)));
  },
};

/** Root fields that read one AWX object by id through this request's batched loaders, one per kind. */
import type { GraphQLFieldResolver } from 'graphql';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { KINDS, rootFieldOf } from '../awx/kinds.js';
import type { AwxModel } from '../awx/models/index.js';
import type { AwxResource } from '../awx/resources.js';
import type { GatewayContext } from '../context.js';
import { parseId } from './helpers.js';

/**
 * `Query.<thing>(id: ID!)`: the object, or null when AWX has none the caller may see. The id is
 * checked first (BAD_USER_INPUT, no AWX call); reads of many ids in one query share one request.
 */
export function byIdRoot<R extends AwxResource>(resource: R): GraphQLFieldResolver<unknown, GatewayContext, { id: string | number }, Promise<AwxModel<R> | null>> {
  return (_root, { id }, { loaders }) => loaders.byId(resource).load(parseId(id, 'id'));
}

/** `job(id:)`, `user(id:)`, `workflowJobNode(id:)`, …: one by-id root per kind of src/awx/kinds.ts that has one. */
export const byIdRoots = Object.fromEntries(
  KINDS.filter((kind) => !('byIdRoot' in kind) || kind.byIdRoot !== false).map((kind) => [rootFieldOf(kind), byIdRoot(kind.resource)]),
) as QueryResolvers;

/** `UnifiedJob` and `UnifiedJobTemplate`: which GraphQL type an AWX object is, from its `type` (src/awx/kinds.ts), and their entity lookups. */
import type { UnifiedJobResolvers, UnifiedJobTemplateResolvers } from '../__generated__/resolvers-types.js';
import type { AwxRecord } from '../awx/byIds.js';
import { kindOfType, type GraphqlTypeOf } from '../awx/kinds.js';
import { quote, upstreamDataError } from '../errors.js';
import { resolveFamilyReference } from './entities.js';

/** The GraphQL type of a unified job or template; a `type` this gateway does not know fails that field alone. */
function typeName<F extends 'job' | 'template'>(family: F, record: AwxRecord): GraphqlTypeOf<F> {
  const kind = kindOfType(record.type, family);
  if (!kind) throw upstreamDataError(`AWX sent a ${family} of type ${quote(record.type)}, which this gateway does not know.`);
  return kind.graphqlType as GraphqlTypeOf<F>;
}

/** Any unified job; also a federation entity interface, so a supergraph may join one by id alone. */
export const UnifiedJob: UnifiedJobResolvers = {
  __resolveType: (job) => typeName('job', job),
  __resolveReference: resolveFamilyReference('job'),
};

/** Any unified job template; also a federation entity interface, joined by id alone. */
export const UnifiedJobTemplate: UnifiedJobTemplateResolvers = {
  __resolveType: (template) => typeName('template', template),
  __resolveReference: resolveFamilyReference('template'),
};

/** Federation entities: how a supergraph's `_entities` representations `{ __typename, id }` become AWX objects. */
import type { UnifiedFamily } from '../awx/kinds.js';
import type { AwxResource } from '../awx/resources.js';
import type { GatewayContext } from '../context.js';
import { parseId } from './helpers.js';

/**
 * Apollo's `_entities` marks the object a reference resolves to with its `__typename`. AWX's repeated answers are
 * frozen and shared (src/awx/repeatAnswers.ts), so such an object is given as a copy of its own to mark.
 */
function markable<T extends object>(object: T | null): T | null {
  return object !== null && Object.isFrozen(object) ? { ...object } : object;
}

/**
 * `__resolveReference` for one entity type: through this request's batched by-id loader, so any number
 * of representations of one type cost one `?id__in=` request; an unknown or invisible id is null.
 */
export function resolveReference<R extends AwxResource>(resource: R) {
  return (reference: { id: string | number }, { loaders }: GatewayContext) =>
    loaders.byId(resource).load(parseId(reference.id, 'representations.id')).then(markable);
}

/**
 * `__resolveReference` for an entity interface (`UnifiedJob`, `UnifiedJobTemplate`): the representation names
 * only the interface and an id, so the object comes from the family's view, batched the same way; its
 * `type` then picks the concrete GraphQL type (`__resolveType`). An unknown or invisible id is null.
 */
export function resolveFamilyReference(family: UnifiedFamily) {
  return (reference: { id: string | number }, { loaders }: GatewayContext) =>
    loaders.unified(family).load(parseId(reference.id, 'representations.id')).then(markable);
}

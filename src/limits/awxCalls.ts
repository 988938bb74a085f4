/**
 * How many AWX calls an operation will make, estimated before it runs (MAX_AWX_CALLS). Loaders batch: a field
 * returning AWX objects costs one call per 200 of them however many parents ask (`?id__in=`, a list page), not
 * one per parent; a field AWX leaves out of list rows costs one detail read per item, and a sub-list AWX serves
 * per parent (a job's notifications) one call per parent. Objects already read with
 * their parent (summaries, `successNodes`) may be counted though served free: the estimate errs high, and the
 * real count is capped as the operation runs (src/awx/client.ts).
 */
import { getNamedType, isAbstractType, isCompositeType, isInterfaceType, isObjectType, isUnionType, Kind, type DocumentNode, type FieldNode, type GraphQLNamedType, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { decodeGlobalId } from '../resolvers/globalIds.js';
import { DETAIL_ONLY_FIELDS, PER_PARENT_FIELDS, itemCount, listedEntries, pageItems, prepareWalk, type Walk } from './walk.js';

/** Ids per `?id__in=` request and rows per list page (src/awx/byIds.ts, the keyset pages). */
const PER_CALL = 200;

/** The entity types (`@key`, the members of `_Entity`): the objects the gateway reads from AWX. */
function entityNames(schema: GraphQLSchema): ReadonlySet<string> {
  const union = schema.getType('_Entity');
  return new Set(isUnionType(union) ? union.getTypes().map((type) => type.name) : []);
}

/** Whether a field of this type is read from AWX: an entity, an interface or union of them, or a connection of them. */
function readFromAwx(schema: GraphQLSchema, type: GraphQLNamedType, entities: ReadonlySet<string>): boolean {
  if (entities.has(type.name)) return true;
  if (isAbstractType(type)) return schema.getPossibleTypes(type).some((member) => entities.has(member.name));
  if (isObjectType(type) && type.name.endsWith('Connection')) {
    const nodes = type.getFields().nodes;
    return nodes !== undefined && readFromAwx(schema, getNamedType(nodes.type), entities);
  }
  return false;
}

interface CallWalk extends Walk {
  entities: ReadonlySet<string>;
}

function fieldCalls(walk: CallWalk, parent: GraphQLNamedType, node: FieldNode, parents: number, pageSize: number | undefined): number {
  if (node.name.value.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
  const def = parent.getFields()[node.name.value];
  if (!def) return 0;
  let calls = DETAIL_ONLY_FIELDS.has(`${parent.name}.${def.name}`) ? parents : 0;
  if (parent === walk.schema.getMutationType()) calls += 1; // the write itself
  if (!node.selectionSet) return calls;
  const type = getNamedType(def.type);
  const objects = parents * itemCount(walk, def, node, pageSize);
  const page = pageItems(walk, parent, def, node);
  const entries = listedEntries(walk, def, node);
  if (entries) {
    calls += typedCalls(entries.map(def.name === '_entities' ? typenameOf : kindOfGlobalId));
  } else if (parent === walk.schema.getQueryType() && def.name === 'node') {
    calls += 1; // a global id names its type: one read of one kind, not one per type behind `Node`
  } else if (PER_PARENT_FIELDS.has(`${parent.name}.${def.name}`)) {
    calls += parents * Math.max(1, Math.ceil((page ?? 1) / PER_CALL));
  } else if (!parent.name.endsWith('Connection') && readFromAwx(walk.schema, type, walk.entities)) {
    // a connection's `nodes` are read with the connection itself; an interface's objects, one batch per kind
    const batches = Math.max(1, Math.ceil((page === undefined ? objects : objects * page) / PER_CALL));
    calls += batches + (isAbstractType(type) ? walk.schema.getPossibleTypes(type).length - 1 : 0);
  }
  return calls + selectionCalls(walk, node.selectionSet, type, objects, page);
}

/** The type a representation names (`_entities`). */
const typenameOf = (representation: unknown) => (representation as { __typename?: unknown } | null)?.__typename;

/** The type a global id names (`nodes`); undefined for an id that execution will refuse. */
const kindOfGlobalId = (globalId: unknown) => decodeGlobalId(globalId)?.kind.graphqlType;

/** `_entities` and `nodes` read each type's objects apart: one batch per type named (per 200 of it). */
function typedCalls(types: readonly unknown[]): number {
  const perType = new Map<unknown, number>();
  for (const type of types) perType.set(type, (perType.get(type) ?? 0) + 1);
  return [...perType.values()].reduce((sum, count) => sum + Math.ceil(count / PER_CALL), 0);
}

function selectionCalls(walk: CallWalk, set: SelectionSetNode, parent: GraphQLNamedType, parents: number, pageSize: number | undefined): number {
  let calls = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      calls += fieldCalls(walk, parent, selection, parents, pageSize);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (type && isCompositeType(type)) calls += selectionCalls(walk, selection.selectionSet, type, parents, pageSize);
    } else {
      const key = `${selection.name.value}|${pageSize}|${parents}`;
      const known = walk.memo.get(key);
      if (known !== undefined) {
        calls += known;
        continue;
      }
      walk.memo.set(key, 0); // a cycle (refused by validation anyway) adds nothing
      const fragment = walk.fragments.get(selection.name.value);
      const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      const cost = fragment && type && isCompositeType(type) ? selectionCalls(walk, fragment.selectionSet, type, parents, pageSize) : 0;
      walk.memo.set(key, cost);
      calls += cost;
    }
  }
  return calls;
}

/** The AWX calls the operation that will run is expected to make; undefined when it or its variables are invalid. */
export function estimateAwxCalls(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, rawVariables: unknown): number | undefined {
  const prepared = prepareWalk(schema, document, operationName, rawVariables);
  if (!prepared) return undefined;
  const walk: CallWalk = { ...prepared.walk, entities: entityNames(schema) };
  return selectionCalls(walk, prepared.operation.selectionSet, prepared.root, 1, undefined);
}

/**
 * The cost of a query: an estimate of how many objects its answer can hold, where a list multiplies its
 * selection by how many items it asks for. armor's cost-limit plugin weighs every field the same whatever
 * its arguments, so `workflowJobs(first: 200)` would cost no more than `first: 1`; this rule reads `first`
 * and `last` (variables included), which is what decides the AWX pages and the size of the answer.
 */
import { getNamedType, isCompositeType, isInterfaceType, isObjectType, Kind, type DocumentNode, type FieldNode, type GraphQLNamedType, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { DETAIL_ONLY_FIELDS, itemCount, pageItems, prepareWalk, type Walk } from './walk.js';

function fieldCost(walk: Walk, parent: GraphQLNamedType, node: FieldNode, pageSize: number | undefined): number {
  // introspection never reaches AWX; graphql's MaxIntrospectionDepthRule already bounds its nesting
  if (node.name.value.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
  const def = parent.getFields()[node.name.value];
  if (!def) return 0;
  if (!node.selectionSet) return DETAIL_ONLY_FIELDS.has(`${parent.name}.${def.name}`) ? 1 : 0;
  const type = getNamedType(def.type);
  const inner = selectionCost(walk, node.selectionSet, type, pageItems(walk, parent, def, node));
  const detail = DETAIL_ONLY_FIELDS.has(`${parent.name}.${def.name}`) ? 1 : 0;
  return itemCount(walk, def, node, pageSize) * (1 + inner) + detail;
}

function selectionCost(walk: Walk, set: SelectionSetNode, parent: GraphQLNamedType, pageSize: number | undefined): number {
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(walk, parent, selection, pageSize);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (type && isCompositeType(type)) cost += selectionCost(walk, selection.selectionSet, type, pageSize);
    } else {
      cost += spreadCost(walk, selection.name.value, pageSize);
    }
  }
  return cost;
}

/** A named fragment's cost, memoized so fragments that spread each other many times stay linear. */
function spreadCost(walk: Walk, name: string, pageSize: number | undefined): number {
  const key = `${name}|${pageSize}`;
  const known = walk.memo.get(key);
  if (known !== undefined) return known;
  walk.memo.set(key, 0); // a cycle (refused by validation anyway) adds nothing
  const fragment = walk.fragments.get(name);
  const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
  const cost = fragment && type && isCompositeType(type) ? selectionCost(walk, fragment.selectionSet, type, pageSize) : 0;
  walk.memo.set(key, cost);
  return cost;
}

/**
 * The cost of the operation that will run: each object in the answer costs 1, scalars cost nothing, and
 * a list multiplies its selection by its item count. A field AWX leaves out of list rows costs 1 too: it is
 * one more AWX read per item. Undefined when the operation or its variables are invalid (execution then
 * refuses it without calling AWX).
 */
export function estimateCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, rawVariables: unknown): number | undefined {
  const prepared = prepareWalk(schema, document, operationName, rawVariables);
  return prepared && selectionCost(prepared.walk, prepared.operation.selectionSet, prepared.root, undefined);
}

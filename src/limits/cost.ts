/**
 * The cost of a query: an estimate of how many objects its answer can hold, where a list multiplies its
 * selection by how many items it asks for. armor's cost-limit plugin weighs every field the same whatever
 * its arguments, so `workflowJobs(first: 200)` would cost no more than `first: 1`; this rule reads `first`
 * and `last` (variables included), which is what decides the AWX pages and the size of the answer.
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** Items a connection returns when neither `first` nor `last` is given (the schema's documented default). */
export const DEFAULT_PAGE_ITEMS = 25;

/** Connections that return every item when `first` is omitted, and what we assume "every" is. */
const UNBOUNDED_PAGE_ITEMS: Record<string, number> = { 'WorkflowJobRelated.workflowNodes': 50 };

interface Walk {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
  memo: Map<string, number>;
}

/** Items a paged field asks for: `first`, else `last`, else its default; undefined for other fields. */
function pageItems(walk: Walk, parent: GraphQLNamedType, def: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined {
  if (!def.args.some((arg) => arg.name === 'first' || arg.name === 'last')) return undefined;
  const args = argumentValues(walk, def, node);
  const asked = [args.first, args.last].find((value) => typeof value === 'number');
  if (typeof asked === 'number') return Math.max(0, asked);
  return UNBOUNDED_PAGE_ITEMS[`${parent.name}.${def.name}`] ?? DEFAULT_PAGE_ITEMS;
}

function argumentValues(walk: Walk, def: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  try {
    return getArgumentValues(def, node, walk.variables);
  } catch {
    return {}; // execution reports bad arguments itself, before any resolver runs
  }
}

/** How many objects a field yields: `_entities` one per representation, other lists the page they sit in. */
function itemCount(walk: Walk, def: GraphQLField<unknown, unknown>, node: FieldNode, pageSize: number | undefined): number {
  if (!isListType(getNullableType(def.type))) return 1;
  if (def.name === '_entities') {
    const representations = argumentValues(walk, def, node).representations;
    return Array.isArray(representations) ? representations.length : 1;
  }
  // nodes/edges take their connection's page; other lists (successNodes, summary results) are served
  // from data already read and count as one
  return pageSize ?? 1;
}

function fieldCost(walk: Walk, parent: GraphQLNamedType, node: FieldNode, pageSize: number | undefined): number {
  // introspection never reaches AWX; graphql's MaxIntrospectionDepthRule already bounds its nesting
  if (node.name.value.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
  const def = parent.getFields()[node.name.value];
  if (!def || !node.selectionSet) return 0;
  const type = getNamedType(def.type);
  const inner = selectionCost(walk, node.selectionSet, type, pageItems(walk, parent, def, node));
  return itemCount(walk, def, node, pageSize) * (1 + inner);
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
 * a list multiplies its selection by its item count. Undefined when the operation or its variables are
 * invalid (execution then refuses it without calling AWX).
 */
export function estimateCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, rawVariables: unknown): number | undefined {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return undefined;
  const inputs = rawVariables && typeof rawVariables === 'object' ? (rawVariables as Record<string, unknown>) : {};
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { maxErrors: 1 });
  if (coerced.errors) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return selectionCost({ schema, variables: coerced.coerced, fragments, memo: new Map() }, operation.selectionSet, root, undefined);
}

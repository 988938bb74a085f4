/**
 * What the query limits' walks over an operation share: its coerced variables and fragments, how many items
 * a paged field asks for, and how many objects a field yields.
 */
import {
  getArgumentValues,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isListType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * Fields AWX leaves out of list rows (`job_args`, `job_cwd`, `job_env`, `result_traceback`, and `ancestor_job`
 * among the related links): each costs one detail read per item unless the object came from its own detail.
 */
export const DETAIL_ONLY_FIELDS: ReadonlySet<string> = new Set([
  'WorkflowJob.jobArgs', 'WorkflowJob.jobCwd', 'WorkflowJob.jobEnv', 'WorkflowJob.resultTraceback', 'WorkflowJob.ancestorJob',
]);

/**
 * Sub-lists AWX serves per parent (`/workflow_jobs/{id}/notifications/`): one call per parent, never batched
 * (labels may come free from the job's summary; the estimate errs high).
 */
export const PER_PARENT_FIELDS: ReadonlySet<string> = new Set([
  'WorkflowJobRelated.labels', 'WorkflowJobRelated.notifications', 'WorkflowJobRelated.activityStream',
]);

/** One walk over an operation. */
export interface Walk {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
  memo: Map<string, number>;
}

/** Items a connection returns when neither `first` nor `last` is given (the schema's documented default). */
export const DEFAULT_PAGE_ITEMS = 25;

/** Connections that return every item when `first` is omitted, and what we assume "every" is. */
const UNBOUNDED_PAGE_ITEMS: Record<string, number> = { 'WorkflowJobRelated.workflowNodes': 50 };

/** Items a paged field asks for: `first`, else `last`, else its default; undefined for other fields. */
export function pageItems(walk: Walk, parent: GraphQLNamedType, def: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined {
  if (!def.args.some((arg) => arg.name === 'first' || arg.name === 'last')) return undefined;
  const args = argumentValues(walk, def, node);
  const asked = [args.first, args.last].find((value) => typeof value === 'number');
  if (typeof asked === 'number') return Math.max(0, asked);
  return UNBOUNDED_PAGE_ITEMS[`${parent.name}.${def.name}`] ?? DEFAULT_PAGE_ITEMS;
}

/** A field's arguments with the operation's variables; {} when they are invalid. */
export function argumentValues(walk: Walk, def: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  try {
    return getArgumentValues(def, node, walk.variables);
  } catch {
    return {}; // execution reports bad arguments itself, before any resolver runs
  }
}

/** Root lists that answer one object per entry of an argument: `_entities(representations:)`, `nodes(globalIds:)`. */
export const LISTED_BY: Readonly<Record<string, string>> = { _entities: 'representations', nodes: 'globalIds' };

/** The entries of the argument that names a root list's objects, one by one; undefined for any other field. */
export function listedEntries(walk: Walk, def: GraphQLField<unknown, unknown>, node: FieldNode): unknown[] | undefined {
  const argument = Object.hasOwn(LISTED_BY, def.name) ? LISTED_BY[def.name] : undefined;
  if (!argument || !def.args.some((arg) => arg.name === argument)) return undefined;
  const entries = argumentValues(walk, def, node)[argument];
  return Array.isArray(entries) ? entries : [entries]; // GraphQL reads a lone value as a list of one
}

/** How many objects a field yields: `_entities` and `nodes` one per entry named, other lists the page they sit in. */
export function itemCount(walk: Walk, def: GraphQLField<unknown, unknown>, node: FieldNode, pageSize: number | undefined): number {
  if (!isListType(getNullableType(def.type))) return 1;
  const entries = listedEntries(walk, def, node);
  if (entries) return entries.length;
  // nodes/edges take their connection's page; other lists (successNodes, summary results) are served
  // from data already read and count as one
  return pageSize ?? 1;
}

/** The walk over the operation that will run, with its root type; undefined when it or its variables are invalid. */
export function prepareWalk(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, rawVariables: unknown):
  { walk: Walk; operation: OperationDefinitionNode; root: GraphQLObjectType } | undefined {
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
  return { walk: { schema, variables: coerced.coerced, fragments, memo: new Map() }, operation, root };
}

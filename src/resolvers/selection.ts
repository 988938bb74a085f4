/** What a query selects below the current field, through aliases, inline fragments and named fragments. */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function collect(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, path: readonly string[], into: Set<string>): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (path.length === 0) into.add(selection.name.value);
      else if (selection.name.value === path[0]) collect(info, selection.selectionSet, path.slice(1), into);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(info, selection.selectionSet, path, into);
    } else {
      collect(info, info.fragments[selection.name.value]?.selectionSet, path, into);
    }
  }
}

/**
 * What was found, by field nodes and path. Every item of a list is resolved with the same field nodes (the
 * executor collects them once per parent type and request), so a page of 50 jobs walks its selection once, not
 * 50 times; the entries go with the request's field nodes.
 */
const selections = new WeakMap<readonly FieldNode[], Map<string, ReadonlySet<string>>>();

/**
 * Names of the fields selected on the object this field returns (or, with `path`, on the object at
 * that path below it, e.g. `['nodes']` of a connection). Aliases count by field name; fragments on
 * any type are included, so the answer errs on the side of "more was asked".
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): ReadonlySet<string> {
  let byPath = selections.get(info.fieldNodes);
  if (!byPath) selections.set(info.fieldNodes, (byPath = new Map()));
  const key = path.join('.');
  let names = byPath.get(key);
  if (!names) {
    const found = new Set<string>();
    for (const node of info.fieldNodes) collect(info, node.selectionSet, path, found);
    byPath.set(key, (names = found));
  }
  return names;
}

/** Whether a selection is covered, by selection and list of available fields (constant lists, such as a summary's). */
const covered = new WeakMap<ReadonlySet<string>, WeakMap<readonly string[], boolean>>();

/** Whether everything selected (at `path`) is among `available` (`__typename` always is). */
export function onlySelects(info: GraphQLResolveInfo, available: readonly string[], path: readonly string[] = []): boolean {
  const names = selectedFields(info, path);
  let byList = covered.get(names);
  if (!byList) covered.set(names, (byList = new WeakMap()));
  let answer = byList.get(available);
  if (answer === undefined) {
    answer = [...names].every((name) => name === '__typename' || available.includes(name));
    byList.set(available, answer);
  }
  return answer;
}

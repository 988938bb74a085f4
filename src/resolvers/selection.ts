/** What a query selects below the current field, through aliases, inline fragments and named fragments. */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

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
 * Names of the fields selected on the object this field returns (or, with `path`, on the object at
 * that path below it, e.g. `['nodes']` of a connection). Aliases count by field name; fragments on
 * any type are included, so the answer errs on the side of "more was asked".
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  const names = new Set<string>();
  for (const node of info.fieldNodes) collect(info, node.selectionSet, path, names);
  return names;
}

/** Whether everything selected (at `path`) is among `available` (`__typename` always is). */
export function onlySelects(info: GraphQLResolveInfo, available: readonly string[], path: readonly string[] = []): boolean {
  for (const name of selectedFields(info, path)) {
    if (name !== '__typename' && !available.includes(name)) return false;
  }
  return true;
}

/**
 * Keyset (stable) Relay connections: a cursor carries its row's order key values and id, so jobs
 * launched or deleted between two page reads never shift a page. A cursor is base64url of
 * `k2.<scope>.<JSON values>`: the scope is a short hash of the filters, search and order it was issued
 * under (it is refused under any other), and the values are checked field by field.
 */
import { createHash } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import type { KeysetResult, KeysetWindow } from '../awx/keysetPage.js';
import { keysetKeys, validKeyValue, type KeyValue } from '../awx/keysetValues.js';
import { orderParam, type OrderKey } from '../awx/paginate.js';
import type { AwxWorkflowJob } from '../awx/types.js';
import { badInput, quote } from '../errors.js';
import { checkCount, DEFAULT_PAGE_SIZE, type EdgeModel, type PagingArgs } from './connection.js';
import { selectedFields } from './selection.js';

/** The model behind a keyset connection: a page, its rows' key values, and the scope its cursors carry. */
export interface KeysetModel<T> extends KeysetResult<T> {
  scope: string;
}

/** The model behind `WorkflowJobConnection`: a keyset page of workflow jobs. */
export type WorkflowJobWindow = KeysetModel<AwxWorkflowJob>;

/** What a cursor holds: its row's key values (the id last). */
export interface KeysetCursor {
  values: KeyValue[];
}

/** What the cursors of one list (one filter, search and order) are checked against. */
export interface KeysetCursors {
  scope: string;
  /** The order fields a cursor holds values of, `id` last. */
  fields: string[];
}

const VERSION = 'k2';
/** Eight keys, a 512-character name among them, fit well inside this. */
const MAX_CURSOR_LENGTH = 4096;
const CURSOR_TEXT = /^k2\.([A-Za-z0-9_-]{11})\.(\[.*\])$/;

/** Sorted object keys, and sorted lists (every list filter is a set), so equal filters hash equally. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (Array.isArray(v)) return v.map((item) => JSON.stringify(item)).sort();
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}

/** Scopes of the lists read lately: a dashboard asks for the same list at every refresh, so its hash is taken once. */
const scopes = new Map<string, string>();
/** Distinct lists remembered; past it the memory starts again (the hash is cheap, the bound is what matters). */
const MAX_SCOPES = 512;

/** The short hash a list's cursors carry, from its canonical filters and order. */
function scopeOf(list: string): string {
  let scope = scopes.get(list);
  if (scope === undefined) {
    if (scopes.size >= MAX_SCOPES) scopes.clear();
    scope = createHash('sha256').update(list).digest('base64url').slice(0, 11);
    scopes.set(list, scope);
  }
  return scope;
}

/** The cursor rules of a list read with these filters (search included) and this order. */
export function keysetCursors(filters: unknown, order: readonly OrderKey[]): KeysetCursors {
  const keys = keysetKeys(order);
  return { scope: scopeOf(`${VERSION}\n${canonical(filters)}\n${orderParam(keys)}`), fields: keys.map((key) => key.field) };
}

/** The cursor of a row with these key values. */
export function encodeKeysetCursor(scope: string, values: readonly KeyValue[]): string {
  return Buffer.from(`${VERSION}.${scope}.${JSON.stringify(values)}`).toString('base64url');
}

/** The key values a cursor carries, or BAD_USER_INPUT for a cursor not issued for exactly this list. */
export function decodeKeysetCursor(cursor: string, argument: string, cursors: KeysetCursors): KeysetCursor {
  const malformed = () => badInput(`'${argument}' is not a cursor from this connection, got ${quote(cursor)}.`, { argument });
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw malformed();
  const match = CURSOR_TEXT.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw malformed();
  if (match[1] !== cursors.scope) {
    throw badInput(`'${argument}' is a cursor issued under another filter, search or order; page from the start again.`, { argument });
  }
  let values: unknown;
  try {
    values = JSON.parse(match[2]!);
  } catch {
    throw malformed();
  }
  const fields = cursors.fields;
  if (!Array.isArray(values) || values.length !== fields.length || !values.every((v, i) => validKeyValue(fields[i]!, v))) throw malformed();
  return { values: values as KeyValue[] };
}

/** Whether the query needs the list's total: `totalCount`, or the flag for the side not being paged. */
function wantsCount(info: GraphQLResolveInfo, backward: boolean): boolean {
  const flag = backward ? 'hasNextPage' : 'hasPreviousPage';
  return selectedFields(info).has('totalCount') || selectedFields(info, ['pageInfo']).has(flag);
}

/**
 * The keyset read Relay arguments select: forward from `after` (the first `first`, 25 when neither
 * count is given), or backward from `before` with `last` alone. With `first` and `last` both, the
 * last `last` of the forward page are kept (`keepLast`).
 */
export function keysetWindowFor(args: PagingArgs, cursors: KeysetCursors, info: GraphQLResolveInfo): { window: KeysetWindow; keepLast?: number } {
  let first = checkCount(args.first, 'first');
  const last = checkCount(args.last, 'last');
  const after = args.after ? decodeKeysetCursor(args.after, 'after', cursors) : undefined;
  const before = args.before ? decodeKeysetCursor(args.before, 'before', cursors) : undefined;
  if (first === undefined && last === undefined) first = DEFAULT_PAGE_SIZE;
  const backward = first === undefined;
  const window: KeysetWindow = {
    backward, limit: backward ? last! : first!, after: after?.values, before: before?.values, count: wantsCount(info, backward),
  };
  return { window, keepLast: backward ? undefined : last };
}

/** The connection model of a page read for `keysetWindowFor`. */
export function keysetModel<T>(page: KeysetResult<T>, scope: string, keepLast?: number): KeysetModel<T> {
  const drop = keepLast === undefined ? 0 : Math.max(0, page.items.length - keepLast);
  if (drop === 0) return { ...page, scope };
  return { ...page, items: page.items.slice(drop), values: page.values.slice(drop), hasPreviousPage: true, scope };
}

/** Shared resolvers of every `…Connection` type built on a KeysetModel. */
export function keysetConnectionResolvers<T>() {
  const cursor = (model: KeysetModel<T>, i: number) => encodeKeysetCursor(model.scope, model.values[i]!);
  return {
    totalCount: (model: KeysetModel<T>) => {
      // Read whenever the query selects it (see wantsCount); reaching this without it is a defect.
      if (model.totalCount === undefined) throw new Error('The list total was not read.');
      return model.totalCount;
    },
    nodes: (model: KeysetModel<T>) => model.items,
    edges: (model: KeysetModel<T>): EdgeModel<T>[] => model.items.map((node, i) => ({ cursor: cursor(model, i), node })),
    pageInfo: (model: KeysetModel<T>) => ({
      hasPreviousPage: model.hasPreviousPage,
      hasNextPage: model.hasNextPage,
      startCursor: model.items.length > 0 ? cursor(model, 0) : null,
      endCursor: model.items.length > 0 ? cursor(model, model.items.length - 1) : null,
    }),
  };
}

/**
 * Relay connections over AWX lists by position (offset cursors): argument checks and the
 * page-to-connection mapping. `workflowJobs` pages by key values instead (keysetConnection.ts).
 */
import type { ListWindow, WindowResult } from '../awx/paginate.js';
import { MAX_PAGE_SIZE } from '../awx/paginate.js';
import { badInput, quote } from '../errors.js';

/** The model behind a connection: a window of AWX items and where it sits in the full list. */
export type ConnectionModel<T> = WindowResult<T>;
/** The model behind an edge. */
export interface EdgeModel<T> {
  cursor: string;
  node: T;
}

/** Relay paging arguments as clients send them. */
export interface PagingArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Page size when a client gives neither `first` nor `last` (AWX's own default). */
export const DEFAULT_PAGE_SIZE = 25;
const CURSOR_PREFIX = 'awx:';

/** A cursor names a position in the ordered list; it is opaque to clients. */
export function encodeCursor(position: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`).toString('base64url');
}

/** The position a cursor names, or BAD_USER_INPUT for anything this gateway did not issue. */
export function decodeCursor(cursor: string, argument: string): number {
  const text = cursor.length <= 40 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^awx:(0|[1-9][0-9]{0,8})$/.exec(text);
  if (!match) throw badInput(`'${argument}' is not a cursor from this connection, got ${quote(cursor)}.`, { argument });
  return Number(match[1]);
}

/** A `first`/`last` value: absent, or 0 to 200; BAD_USER_INPUT otherwise. */
export function checkCount(value: number | null | undefined, argument: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badInput(`'${argument}' must be between 0 and ${MAX_PAGE_SIZE}, got ${quote(value)}.`, { argument });
  }
  return value;
}

/**
 * The list window that Relay arguments select: [after + 1, before), cut to the first `first`
 * items, then to the last `last`. `minOffset` drops items a tail read returns before `after`.
 */
export function windowFor(args: PagingArgs): ListWindow & { minOffset: number } {
  let first = checkCount(args.first, 'first');
  const last = checkCount(args.last, 'last');
  const start = args.after ? decodeCursor(args.after, 'after') + 1 : 0;
  const before = args.before ? decodeCursor(args.before, 'before') : undefined;
  if (first === undefined && last === undefined) first = DEFAULT_PAGE_SIZE;
  let end = before;
  if (first !== undefined) end = end === undefined ? start + first : Math.min(end, start + first);
  if (end === undefined) return { offset: 'end', limit: last!, minOffset: start };
  const from = last === undefined ? start : Math.max(start, end - last);
  return { offset: from, limit: Math.max(0, end - from), minOffset: start };
}

/** Drops items before `minOffset` (a tail read may reach past `after`). */
export function trimWindow<T>(result: WindowResult<T>, minOffset: number): WindowResult<T> {
  const drop = Math.max(0, minOffset - result.offset);
  if (drop === 0) return result;
  return { totalCount: result.totalCount, offset: result.offset + drop, items: result.items.slice(drop) };
}

/** Shared resolvers of every `…Connection` type built on a ConnectionModel. */
export function connectionResolvers<T>() {
  return {
    totalCount: (model: ConnectionModel<T>) => model.totalCount,
    nodes: (model: ConnectionModel<T>) => model.items,
    edges: (model: ConnectionModel<T>): EdgeModel<T>[] =>
      model.items.map((node, i) => ({ cursor: encodeCursor(model.offset + i), node })),
    pageInfo: (model: ConnectionModel<T>) => ({
      hasPreviousPage: model.offset > 0,
      hasNextPage: model.offset + model.items.length < model.totalCount,
      startCursor: model.items.length > 0 ? encodeCursor(model.offset) : null,
      endCursor: model.items.length > 0 ? encodeCursor(model.offset + model.items.length - 1) : null,
    }),
  };
}

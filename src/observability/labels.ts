/** Metric label values, kept few and free of ids, tokens and client text beyond a capped set of names. */
import type { UpstreamCall } from '../awx/client.js';

/** Longest operation name kept in a label; longer names are cut (GraphQL names have no length limit). */
const MAX_OPERATION_LENGTH = 64;
const OPERATION = /^[_A-Za-z][_0-9A-Za-z]*$/;
const RESOURCE = /^[a-z_]{1,40}$/;

/**
 * Maps a client-chosen operation name onto a label value: `anonymous` when unnamed, `invalid` when
 * not a GraphQL name, and `other` once `maxDistinct` names have been seen, so a client inventing
 * names cannot grow the series without bound.
 */
export function createOperationLabeler(maxDistinct = 100): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return 'anonymous';
    if (!OPERATION.test(name)) return 'invalid';
    const label = name.slice(0, MAX_OPERATION_LENGTH);
    if (seen.has(label)) return label;
    if (seen.size >= maxDistinct) return 'other';
    seen.add(label);
    return label;
  };
}

/**
 * The AWX collection an upstream path reads: the first segment after the versioned API (`/api/v2/`, or
 * `/api/controller/v2/` behind AAP), never an id or a query; `listing` for the API root listings.
 */
export function resourceLabel(path: string): string {
  const pathname = path.split('?', 1)[0]!;
  const at = pathname.indexOf('/v2/');
  if (at < 0) return /^(\/[a-z_]+)*\/api\/(controller\/)?$/.test(pathname) ? 'listing' : 'other';
  const segment = pathname.slice(at + '/v2/'.length).split('/', 1)[0]!;
  if (segment === '') return 'root';
  return RESOURCE.test(segment) ? segment : 'other';
}

/** AWX's HTTP status, or the error code of a call that got no answer (timeout, refused, …). */
export function upstreamStatusLabel(call: UpstreamCall): string {
  if (call.status !== null) return String(call.status);
  return call.error && /^[A-Z_]{1,40}$/.test(call.error) ? call.error : 'error';
}

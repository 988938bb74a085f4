import type { AwxRecord } from '../types.js';
import { DEMO_BASE, SECOND, isoFromMicros } from '../time.js';
import { userSummary } from './summaries.js';

/** Small builders for the parts every AWX record shares (urls, related links, roles, stamps). */

/** `{name: base + name + '/'}` for each sub-resource name, in order. */
export function links(base: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, `${base}${name}/`]));
}

/** `/api/v2/<path>/<id>/`. */
export function urlOf(path: string, id: number): string {
  return `/api/v2/${path}/${id}/`;
}

/** `related.created_by/modified_by` entries, present only when the user is set (BaseSerializer.get_related). */
export function userLinks(createdBy: number | null, modifiedBy: number | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (createdBy !== null) out.created_by = urlOf('users', createdBy);
  if (modifiedBy !== null) out.modified_by = urlOf('users', modifiedBy);
  return out;
}

/** `summary_fields.created_by/modified_by`, omitted when null like AWX does. */
export function userSummaries(createdBy: number | null, modifiedBy: number | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (createdBy !== null) out.created_by = userSummary(createdBy);
  if (modifiedBy !== null) out.modified_by = userSummary(modifiedBy);
  return out;
}

/** `summary_fields.object_roles` with role ids derived from the object so they stay stable. */
export function objectRoles(seed: number, roles: readonly [string, string, string][]): Record<string, unknown> {
  return Object.fromEntries(
    roles.map(([key, name, description], index) => [key, { description, name, id: seed * 10 + index }]),
  );
}

/** Creation time of catalog object number `n`: weeks before the job history starts. */
export function catalogStamp(n: number): { created: string; modified: string } {
  const created = DEMO_BASE - 60 * 86_400 * SECOND + n * 7_919 * SECOND + ((n * 104_729) % SECOND);
  return { created: isoFromMicros(created), modified: isoFromMicros(created + 402_137 + n * 1_013) };
}

/** Shortcut to type a plain object literal as an AWX record. */
export function record(fields: { id: number; type: string } & Record<string, unknown>): AwxRecord {
  return fields;
}

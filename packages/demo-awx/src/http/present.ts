import type { AwxRecord } from '../types.js';
import { userCapabilities } from './capabilities.js';
import type { Access } from './roles.js';
import { displayExtraVars } from './survey.js';

/**
 * The one place a stored record becomes what AWX sends this caller: BaseSerializer.get_summary_fields
 * computes `user_capabilities` per request, and the job serializers show `display_extra_vars()`, so
 * stored records hold no caller's capabilities and keep the survey passwords as they were sent.
 */

/** A record as AWX serializes it for the caller; the stored record is never changed. */
export function present(access: Access, record: AwxRecord): AwxRecord {
  const summary = record.summary_fields as Record<string, unknown> | undefined;
  // Assigning over the existing key keeps user_capabilities where the serializer puts it.
  const capabilities = summary && 'user_capabilities' in summary ? userCapabilities(access, record) : undefined;
  const extraVars = displayExtraVars(access.data, record);
  if (!capabilities && extraVars === undefined) return record;
  const shown: AwxRecord = { ...record };
  if (capabilities) shown.summary_fields = { ...summary, user_capabilities: capabilities };
  if (extraVars !== undefined) shown.extra_vars = extraVars;
  return shown;
}

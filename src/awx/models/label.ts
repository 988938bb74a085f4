/**
 * An AWX label as `/api/v2/labels/` sends it (LabelSerializer).
 * Type aliases, not interfaces, so they stay assignable to `AwxRecord` (the loaders' record type).
 */
import type { AwxObjectBase } from './common.js';

/** A label; job summaries carry only id and name, activity stream summaries add `organization_id`. */
export type AwxLabel = AwxObjectBase & {
  name?: string;
  organization?: number | null;
  organization_id?: number | null;
};

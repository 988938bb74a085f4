/**
 * An AWX label as `/api/v2/labels/` sends it (LabelSerializer).
 * Type aliases, not interfaces, so they stay assignable to `AwxRecord` (the loaders' record type).
 */

/** A label; job summaries carry only id and name, activity stream summaries add `organization_id`. */
export type AwxLabel = {
  id: number;
  type?: string;
  url?: string;
  created?: string;
  modified?: string;
  name?: string;
  organization?: number | null;
  organization_id?: number | null;
};

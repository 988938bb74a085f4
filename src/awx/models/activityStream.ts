/**
 * An AWX activity stream entry as `/api/v2/activity_stream/` sends it (ActivityStreamSerializer).
 * Type aliases, not interfaces, so they stay assignable to `AwxRecord` (the loaders' record type).
 */

/** Who did it: a deleted user keeps their names with a null id. */
export type AwxActivityStreamActor = {
  id?: number | null;
  username?: string;
  first_name?: string;
  last_name?: string;
};

/** An entry; `summary_fields` lists the objects involved by type (`workflow_job: [{id, name, …}]`, …). */
export type AwxActivityStreamEntry = {
  id: number;
  type?: string;
  url?: string;
  timestamp?: string;
  operation?: string;
  changes?: unknown;
  object1?: string;
  object2?: string;
  object_association?: string;
  action_node?: string;
  object_type?: string;
  summary_fields?: { actor?: AwxActivityStreamActor; [objectType: string]: unknown };
};

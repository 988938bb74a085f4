/**
 * An AWX schedule as `/api/v2/schedules/` sends it (ScheduleSerializer).
 * Type aliases, not interfaces, so they stay assignable to `AwxRecord` (the loaders' record type).
 */

/** A schedule; a summary carries only id, name, description and next_run. */
export type AwxSchedule = {
  id: number;
  type?: string;
  url?: string;
  created?: string;
  modified?: string;
  name?: string;
  description?: string;
  rrule?: string;
  enabled?: boolean;
  dtstart?: string | null;
  dtend?: string | null;
  next_run?: string | null;
  timezone?: string;
  /** The rule's UNTIL in the schedule's time zone, no offset; `""` when none. */
  until?: string;
  unified_job_template?: number | null;
  extra_data?: unknown;
  inventory?: number | null;
  scm_branch?: string | null;
  job_type?: string | null;
  job_tags?: string | null;
  skip_tags?: string | null;
  limit?: string | null;
  diff_mode?: boolean | null;
  verbosity?: number | null;
  execution_environment?: number | null;
  forks?: number | null;
  job_slice_count?: number | null;
  timeout?: number | null;
};

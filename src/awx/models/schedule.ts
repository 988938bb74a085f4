/**
 * An AWX schedule as `/api/v2/schedules/` sends it (ScheduleSerializer).
 * Type aliases, not interfaces, so they stay assignable to `AwxRecord` (the loaders' record type).
 */
import type { AwxLaunchConfig, AwxNamedObject } from './common.js';

/** A schedule; a summary carries only id, name, description and next_run. */
export type AwxSchedule = AwxNamedObject & AwxLaunchConfig & {
  rrule?: string;
  enabled?: boolean;
  dtstart?: string | null;
  dtend?: string | null;
  next_run?: string | null;
  timezone?: string;
  /** The rule's UNTIL in the schedule's time zone, no offset; `""` when none. */
  until?: string;
  unified_job_template?: number | null;
};

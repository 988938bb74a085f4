import type { AwxRecord } from '../types.js';
import { SECOND, type Micros, isoFromMicros, microsFromIso } from '../time.js';
import { SCHEDULES, TEMPLATE_PATH, template, type ScheduleDef } from './catalog.js';
import { catalogStamp, links, record, urlOf, userLinks, userSummaries } from './shape.js';
import { unifiedTemplateSummary } from './summaries.js';

const PERIOD_SECONDS: Record<string, number> = { HOURLY: 3_600, DAILY: 86_400, WEEKLY: 604_800 };

/** First occurrence of the schedule's rrule after `clock` (whole seconds, as AWX's next_run has no fraction). */
export function nextRun(def: ScheduleDef, clock: Micros): string {
  const dtstart = microsFromIso(rruleStart(def)) ?? clock;
  const freq = /FREQ=(\w+)/.exec(def.rrule)?.[1] ?? 'DAILY';
  const interval = Number(/INTERVAL=(\d+)/.exec(def.rrule)?.[1] ?? '1');
  const period = (PERIOD_SECONDS[freq] ?? 86_400) * interval * SECOND;
  return isoFromMicros(dtstart + Math.ceil((clock - dtstart) / period) * period);
}

function scheduleDef(id: number): ScheduleDef {
  const def = SCHEDULES.find((s) => s.id === id);
  if (!def) throw new Error(`demo catalog has no schedule ${id}`);
  return def;
}

/** `{id, name, description, next_run}`: the schedule summary on scheduled jobs. */
export function scheduleSummary(id: number, clock: Micros): Record<string, unknown> {
  const def = scheduleDef(id);
  return { id, name: def.name, description: '', next_run: nextRun(def, clock) };
}

/** Organization owning a schedule: the one of the template it launches. */
export function scheduleOrganization(id: number): number {
  return template(scheduleDef(id).template).org;
}

/** Schedule records (ScheduleSerializer, `rrule` first like AWX). */
export function scheduleRecords(clock: Micros): AwxRecord[] {
  return SCHEDULES.map((def) => {
    const url = urlOf('schedules', def.id);
    const ujt = template(def.template);
    const creator = ujt.org === 2 ? 2 : ujt.org === 3 ? 3 : 1;
    return record({
      rrule: def.rrule, id: def.id, type: 'schedule', url,
      related: {
        ...userLinks(creator, creator),
        unified_job_template: urlOf(TEMPLATE_PATH[ujt.kind], ujt.id),
        ...links(url, ['credentials', 'labels', 'instance_groups', 'unified_jobs']),
      },
      summary_fields: {
        unified_job_template: unifiedTemplateSummary(ujt.id),
        ...userSummaries(creator, creator),
        user_capabilities: { edit: true, delete: true },
      },
      ...catalogStamp(90 + def.id),
      name: def.name, description: '', extra_data: {}, inventory: null, scm_branch: null, job_type: null,
      job_tags: null, skip_tags: null, limit: null, diff_mode: null, verbosity: null, execution_environment: null,
      forks: null, job_slice_count: null, timeout: null, unified_job_template: ujt.id, enabled: true,
      dtstart: isoFromMicros(microsFromIso(rruleStart(def)) ?? clock), dtend: null,
      next_run: nextRun(def, clock), timezone: 'UTC', until: '',
    });
  });
}

/** DTSTART of the rrule as an ISO instant. */
function rruleStart(def: ScheduleDef): string {
  const start = /DTSTART;TZID=UTC:(\d{8}T\d{6})/.exec(def.rrule)?.[1] ?? '20240501T000000';
  return `${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6, 11)}:${start.slice(11, 13)}:${start.slice(13)}Z`;
}

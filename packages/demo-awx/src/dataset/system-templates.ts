import type { AwxRecord } from '../types.js';
import { catalogStamp, links, record, urlOf } from './shape.js';
import { lastJobSummaries, lastRunState, reorderStatus, type TemplateHistory } from './template-state.js';

/** AWX's built-in system job templates (SystemJobTemplateSerializer); superusers and auditors only see them. */

interface SystemTemplateDef {
  id: number;
  jobType: string;
  name: string;
  description: string;
}

/**
 * The templates AWX's migrations create, with their ids: they come first in the unified job template id
 * space, and id 3 ("Cleanup Fact Details") was deleted by a later migration, so the demo catalog starts at 6.
 */
const SYSTEM_TEMPLATES: readonly SystemTemplateDef[] = [
  { id: 1, jobType: 'cleanup_jobs', name: 'Cleanup Job Details',
    description: 'Remove jobs older than a certain number of days' },
  { id: 2, jobType: 'cleanup_activitystream', name: 'Cleanup Activity Stream',
    description: 'Remove activity stream entries older than a certain number of days' },
  { id: 4, jobType: 'cleanup_sessions', name: 'Cleanup Expired Sessions',
    description: 'Cleans out expired browser sessions' },
  { id: 5, jobType: 'cleanup_tokens', name: 'Cleanup Expired OAuth 2 Tokens',
    description: 'Cleanup expired OAuth 2 access and refresh tokens' },
];

/** System job template records; their last-run state comes from the system jobs in `history`. */
export function systemJobTemplateRecords(history: TemplateHistory): AwxRecord[] {
  return SYSTEM_TEMPLATES.map((def) => {
    const url = urlOf('system_job_templates', def.id);
    const { last, fields } = lastRunState(history.get(def.id));
    return record({
      id: def.id, type: 'system_job_template', url,
      related: {
        ...(last ? { last_job: urlOf('system_jobs', last.id) } : {}),
        ...links(url, ['jobs', 'schedules', 'launch', 'notification_templates_started',
          'notification_templates_success', 'notification_templates_error']),
      },
      // SystemJobTemplateSerializer has no show_capabilities, so no user_capabilities either.
      summary_fields: lastJobSummaries(last),
      ...catalogStamp(100 + def.id),
      name: def.name, description: def.description, ...fields, next_job_run: null,
      execution_environment: null, job_type: def.jobType,
    });
  }).map(reorderStatus);
}

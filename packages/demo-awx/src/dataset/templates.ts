import type { AwxRecord } from '../types.js';
import { type Micros } from '../time.js';
import { SCHEDULES, TEMPLATES, type TemplateDef } from './catalog.js';
import { nextRun } from './schedules.js';
import { catalogStamp, links, objectRoles, record, urlOf, userLinks, userSummaries } from './shape.js';
import { projectSummary } from './spawned-common.js';
import { inventorySummary, labelsSummary, orgSummary } from './summaries.js';
import { lastJobSummaries, lastRunState, recentJobs, reorderStatus, type TemplateHistory } from './template-state.js';

/** Records of job templates and workflow job templates, with their last-run state derived from the jobs. */

const NOTIFICATION_LINKS = ['notification_templates_started', 'notification_templates_success',
  'notification_templates_error'];

/** What a job template can prompt for, in AWX's field order (`ask_<name>_on_launch`). */
const JT_PROMPTS = ['scm_branch', 'diff_mode', 'variables', 'limit', 'tags', 'skip_tags', 'job_type', 'verbosity',
  'inventory', 'credential', 'execution_environment', 'labels', 'forks', 'job_slice_count', 'timeout',
  'instance_groups'];

function askFlags(prompts: readonly string[], asked: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(prompts.map((name) => [`ask_${name}_on_launch`, asked.includes(name)]));
}

function ownerOf(def: TemplateDef): number {
  return def.org === 2 ? 2 : def.org === 3 ? 3 : 1;
}

function nextJobRun(def: TemplateDef, clock: Micros): string | null {
  const schedule = SCHEDULES.find((s) => s.template === def.id);
  return schedule ? nextRun(schedule, clock) : null;
}

/** Workflow job template records (WorkflowJobTemplateSerializer; see workflowJobTemplate.json). */
export function workflowTemplateRecords(history: TemplateHistory, clock: Micros): AwxRecord[] {
  return TEMPLATES.filter((def) => def.kind === 'workflow_job').map((def) => {
    const url = urlOf('workflow_job_templates', def.id);
    const { last, fields } = lastRunState(history.get(def.id));
    const owner = ownerOf(def);
    return record({
      id: def.id, type: 'workflow_job_template', url,
      related: {
        named_url: `/api/v2/workflow_job_templates/${def.name}++${orgSummary(def.org).name}/`,
        ...userLinks(owner, owner),
        ...(last ? { last_job: urlOf('workflow_jobs', last.id) } : {}),
        ...links(url, ['workflow_jobs', 'schedules', 'launch', 'webhook_key']),
        webhook_receiver: def.webhook ? `${url}${def.webhook.service}/` : '',
        ...links(url, ['workflow_nodes', 'labels', 'activity_stream', ...NOTIFICATION_LINKS,
          'notification_templates_approvals', 'access_list', 'object_roles', 'survey_spec', 'copy']),
        organization: urlOf('organizations', def.org),
        ...(def.webhook ? { webhook_credential: urlOf('credentials', def.webhook.credential) } : {}),
      },
      summary_fields: {
        organization: orgSummary(def.org), ...lastJobSummaries(last), ...userSummaries(owner, owner),
        object_roles: objectRoles(400 + def.id, [
          ['admin_role', 'Admin', 'Can manage all aspects of the workflow job template'],
          ['execute_role', 'Execute', 'May run the workflow job template'],
          ['read_role', 'Read', 'May view settings for the workflow job template'],
          ['approval_role', 'Approve', 'Can approve or deny a workflow approval node']]),
        user_capabilities: { edit: true, delete: true, start: true, schedule: true, copy: true },
        labels: labelsSummary([]), recent_jobs: recentJobs(history.get(def.id)),
      },
      ...catalogStamp(100 + def.id),
      name: def.name, description: def.description, ...fields, next_job_run: nextJobRun(def, clock),
      extra_vars: '', organization: def.org, survey_enabled: def.id === 27, allow_simultaneous: def.id % 3 === 0,
      ask_variables_on_launch: true, inventory: null, limit: null, scm_branch: null, ask_inventory_on_launch: true,
      // The backup runs on its schedule's terms: a launch may not narrow its hosts or pick a branch.
      ask_scm_branch_on_launch: def.id !== 34, ask_limit_on_launch: def.id !== 34,
      webhook_service: def.webhook?.service ?? '',
      webhook_credential: def.webhook?.credential ?? null, ask_labels_on_launch: true, ask_skip_tags_on_launch: true,
      ask_tags_on_launch: true, skip_tags: '', job_tags: '',
    });
  }).map(reorderStatus);
}

/** Job template records (JobTemplateSerializer). */
export function jobTemplateRecords(history: TemplateHistory, clock: Micros): AwxRecord[] {
  return TEMPLATES.filter((def) => def.kind === 'job').map((def) => {
    const url = urlOf('job_templates', def.id);
    const { last, fields } = lastRunState(history.get(def.id));
    const owner = ownerOf(def);
    return record({
      id: def.id, type: 'job_template', url,
      related: {
        named_url: `/api/v2/job_templates/${def.name}++${orgSummary(def.org).name}/`, ...userLinks(owner, owner),
        ...links(url, ['labels']), inventory: urlOf('inventories', def.inventory ?? 1),
        project: urlOf('projects', def.project ?? 6), organization: urlOf('organizations', def.org),
        ...links(url, ['credentials']), ...(last ? { last_job: urlOf('jobs', last.id) } : {}),
        ...links(url, ['jobs', 'schedules', 'activity_stream', 'launch', 'webhook_key', 'webhook_receiver',
          ...NOTIFICATION_LINKS, 'access_list', 'survey_spec', 'object_roles', 'instance_groups',
          'slice_workflow_jobs', 'copy']),
      },
      summary_fields: {
        organization: orgSummary(def.org), inventory: inventorySummary(def.inventory ?? 1),
        project: projectSummary(def.project ?? 6), ...lastJobSummaries(last), ...userSummaries(owner, owner),
        object_roles: objectRoles(500 + def.id, [['admin_role', 'Admin', 'Can manage all aspects of the job template'],
          ['execute_role', 'Execute', 'May run the job template'],
          ['read_role', 'Read', 'May view settings for the job template']]),
        user_capabilities: { edit: true, delete: true, start: true, schedule: true, copy: true },
        labels: labelsSummary([]), recent_jobs: recentJobs(history.get(def.id)), credentials: [],
      },
      ...catalogStamp(100 + def.id),
      name: def.name, description: def.description, job_type: 'run', inventory: def.inventory ?? 1,
      project: def.project ?? 6, playbook: def.playbook ?? '', scm_branch: '', forks: 0, limit: '', verbosity: 0,
      extra_vars: '---', job_tags: '', force_handlers: false, skip_tags: '', start_at_task: '', timeout: 0,
      use_fact_cache: false, organization: def.org, ...fields, next_job_run: nextJobRun(def, clock),
      execution_environment: null, host_config_key: '', ...askFlags(JT_PROMPTS, def.id === 13 ? ['limit'] : []),
      survey_enabled: false, become_enabled: false,
      diff_mode: false, allow_simultaneous: false, custom_virtualenv: null, job_slice_count: def.sliceCount ?? 1,
      webhook_service: '', webhook_credential: null, prevent_instance_group_fallback: false,
    });
  }).map(reorderStatus);
}

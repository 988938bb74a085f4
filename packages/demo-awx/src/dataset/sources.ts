import type { AwxRecord } from '../types.js';
import { TEMPLATES, type TemplateDef } from './catalog.js';
import { APPROVAL_TIMEOUT } from './run-job.js';
import { catalogStamp, links, record, urlOf, userLinks, userSummaries } from './shape.js';
import { revisionOf } from './spawned-common.js';
import { inventorySummary, orgSummary } from './summaries.js';
import { lastJobSummaries, lastRunState, recentJobs, reorderStatus, type TemplateHistory } from './template-state.js';

/** Records of the templates nodes spawn besides jobs: projects, inventory sources, approval templates. */

function ofKind(kind: TemplateDef['kind']): TemplateDef[] {
  return TEMPLATES.filter((def) => def.kind === kind);
}

/** Project records (ProjectSerializer). */
export function projectRecords(history: TemplateHistory): AwxRecord[] {
  return ofKind('project_update').map((def) => {
    const url = urlOf('projects', def.id);
    const { last, fields } = lastRunState(history.get(def.id));
    const slug = def.name.replace(/\W+/g, '_').toLowerCase();
    return record({
      id: def.id, type: 'project', url,
      related: {
        ...userLinks(1, 1),
        ...links(url, ['teams', 'playbooks', 'inventory_files', 'update', 'project_updates', 'scm_inventory_sources',
          'schedules', 'activity_stream', 'notification_templates_started', 'notification_templates_success',
          'notification_templates_error', 'access_list', 'object_roles', 'copy']),
        organization: urlOf('organizations', def.org),
        ...(last ? { last_job: urlOf('project_updates', last.id), last_update: urlOf('project_updates', last.id) } : {}),
      },
      summary_fields: {
        organization: orgSummary(def.org), ...lastJobSummaries(last), ...userSummaries(1, 1),
        user_capabilities: { edit: true, delete: true, start: true, schedule: true, copy: true },
      },
      ...catalogStamp(100 + def.id),
      name: def.name, description: def.description, local_path: `_${def.id}__${slug}`, scm_type: 'git',
      scm_url: `https://git.example.com/demo/${slug}.git`, scm_branch: '', scm_refspec: '', scm_clean: false,
      scm_track_submodules: false, scm_delete_on_update: false, credential: null, timeout: 0,
      scm_revision: revisionOf(def.id), ...fields, next_job_run: null, organization: def.org,
      scm_update_on_launch: true, scm_update_cache_timeout: 0, allow_override: false, custom_virtualenv: null,
      default_environment: null, signature_validation_credential: null,
      last_update_failed: fields.last_job_failed, last_updated: fields.last_job_run,
    });
  }).map(reorderStatus);
}

/** Inventory source records (InventorySourceSerializer). */
export function inventorySourceRecords(history: TemplateHistory): AwxRecord[] {
  return ofKind('inventory_update').map((def) => {
    const url = urlOf('inventory_sources', def.id);
    const { last, fields } = lastRunState(history.get(def.id));
    return record({
      id: def.id, type: 'inventory_source', url,
      related: {
        ...userLinks(1, 1),
        ...links(url, ['update', 'inventory_updates', 'schedules', 'activity_stream', 'hosts', 'groups',
          'notification_templates_started', 'notification_templates_success', 'notification_templates_error']),
        inventory: urlOf('inventories', def.inventory ?? 1), ...links(url, ['credentials']),
        ...(last ? { last_job: urlOf('inventory_updates', last.id), last_update: urlOf('inventory_updates', last.id) } : {}),
      },
      summary_fields: {
        organization: orgSummary(def.org), inventory: inventorySummary(def.inventory ?? 1),
        ...lastJobSummaries(last), ...userSummaries(1, 1),
        user_capabilities: { edit: true, delete: true, start: true, schedule: true }, credentials: [],
      },
      ...catalogStamp(100 + def.id),
      name: def.name, description: def.description, source: def.source ?? 'scm', source_path: '', source_vars: '',
      credential: null, enabled_var: '', enabled_value: '', host_filter: '', overwrite: false, overwrite_vars: false,
      custom_virtualenv: null, timeout: 0, verbosity: 1, ...fields, next_job_run: null, execution_environment: null,
      inventory: def.inventory ?? 1, update_on_launch: false, update_cache_timeout: 0, source_project: null,
      last_update_failed: fields.last_job_failed, last_updated: fields.last_job_run,
    });
  }).map(reorderStatus);
}

/** Workflow approval template records (WorkflowApprovalTemplateSerializer). */
export function approvalTemplateRecords(history: TemplateHistory): AwxRecord[] {
  return ofKind('workflow_approval').map((def) => {
    const url = urlOf('workflow_approval_templates', def.id);
    const { last, fields } = lastRunState(history.get(def.id));
    return record({
      id: def.id, type: 'workflow_approval_template', url,
      related: {
        ...userLinks(1, null), ...links(url, ['jobs', 'approvals']),
        ...(last ? { last_job: urlOf('workflow_approvals', last.id) } : {}),
      },
      summary_fields: {
        // WorkflowApprovalTemplateSerializer has no show_capabilities, so no user_capabilities either.
        ...lastJobSummaries(last), ...userSummaries(1, null), recent_jobs: recentJobs(history.get(def.id)),
      },
      ...catalogStamp(100 + def.id),
      name: def.name, description: def.description, ...fields, next_job_run: null,
      execution_environment: null, timeout: APPROVAL_TIMEOUT,
    });
  }).map(reorderStatus);
}

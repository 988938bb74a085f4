import { template } from './catalog.js';
import { APPROVAL_TIMEOUT } from './run-job.js';
import { EE_SUMMARY, common, projectSummary, type KindParts, type SpawnContext } from './spawned-common.js';
import { links, urlOf, userLinks, userSummaries } from './shape.js';
import { inventorySummary, labelsSummary, orgSummary, templateSummary, unifiedTemplateSummary } from './summaries.js';

/** The parts of a spawned job's record that depend on its type (job, project/inventory update, approval). */

function jobParts(ctx: SpawnContext): KindParts {
  const def = ctx.job.def;
  const c = common(ctx);
  return {
    related: {
      ...userLinks(ctx.creator, null), ...links(ctx.url, ['labels']),
      inventory: urlOf('inventories', def.inventory ?? 1), project: urlOf('projects', def.project ?? 6),
      organization: urlOf('organizations', def.org), ...links(ctx.url, ['credentials']),
      unified_job_template: urlOf('job_templates', def.id), ...links(ctx.url, ['stdout']), ...c.source, ...c.ee,
      ...links(ctx.url, ['job_events', 'job_host_summaries', 'activity_stream', 'notifications', 'create_schedule']),
      job_template: urlOf('job_templates', def.id), ...links(ctx.url, ['cancel', 'relaunch']),
    },
    summary: {
      organization: orgSummary(def.org), inventory: inventorySummary(def.inventory ?? 1), execution_environment: EE_SUMMARY,
      project: projectSummary(def.project ?? 6), job_template: templateSummary(def.id),
      unified_job_template: unifiedTemplateSummary(def.id), ...c.group, ...c.creator,
      user_capabilities: { delete: true, start: true }, labels: labelsSummary([]),
    },
    summaryTail: { credentials: [] },
    fields: {
      job_type: 'run', inventory: def.inventory ?? 1, project: def.project ?? 6, playbook: def.playbook ?? '',
      scm_branch: '', forks: 0, limit: '', verbosity: 0, extra_vars: '{}', job_tags: '', force_handlers: false,
      skip_tags: '', start_at_task: '', timeout: 0, use_fact_cache: false, organization: def.org, job_template: def.id,
      passwords_needed_to_start: [], allow_simultaneous: false, artifacts: {}, scm_revision: c.revision,
      instance_group: ctx.job.started === null ? null : 2, diff_mode: false,
      job_slice_number: ctx.job.slice, job_slice_count: def.sliceCount ?? 1,
      webhook_service: '', webhook_credential: null, webhook_guid: '',
      host_status_counts: c.counts, playbook_counts: { play_count: 1, task_count: 8 + (ctx.job.id % 9) },
      custom_virtualenv: null,
    },
    args: ['ansible-playbook', '-u', 'ansible', '-i', '/runner/inventory', '-e', '@/runner/env/extravars', def.playbook ?? ''],
  };
}

function projectUpdateParts(ctx: SpawnContext): KindParts {
  const def = ctx.job.def;
  const c = common(ctx);
  const slug = def.name.replace(/\W+/g, '_');
  return {
    related: {
      ...userLinks(ctx.creator, null), unified_job_template: urlOf('projects', def.id), ...links(ctx.url, ['stdout']),
      ...c.source, ...c.ee, project: urlOf('projects', def.id),
      ...links(ctx.url, ['events', 'scm_inventory_updates', 'notifications', 'cancel']),
    },
    summary: {
      organization: orgSummary(def.org), project: projectSummary(def.id), execution_environment: EE_SUMMARY,
      unified_job_template: unifiedTemplateSummary(def.id), ...c.group, ...c.creator,
      user_capabilities: { delete: true, start: true },
    },
    summaryTail: {},
    fields: {
      local_path: `_${def.id}__${slug.toLowerCase()}`, scm_type: 'git',
      scm_url: `https://git.example.com/demo/${slug.toLowerCase()}.git`, scm_branch: '', scm_refspec: '',
      scm_clean: false, scm_track_submodules: false, scm_delete_on_update: false, credential: null, timeout: 0,
      scm_revision: c.revision, project: def.id, job_type: 'check', job_tags: 'update_git,install_roles,install_collections',
      host_status_counts: c.counts, playbook_counts: { play_count: 1, task_count: 6 },
    },
    args: ['ansible-playbook', '-i', 'localhost,', '-e', '@/runner/env/extravars', 'project_update.yml'],
  };
}

function inventoryUpdateParts(ctx: SpawnContext): KindParts {
  const def = ctx.job.def;
  const c = common(ctx);
  const inventory = def.inventory ?? 1;
  return {
    related: {
      ...userLinks(ctx.creator, null), unified_job_template: urlOf('inventory_sources', def.id),
      ...links(ctx.url, ['stdout']), ...c.source, ...c.ee, inventory: urlOf('inventories', inventory),
      inventory_source: urlOf('inventory_sources', def.id), ...links(ctx.url, ['events', 'notifications', 'cancel', 'credentials']),
    },
    summary: {
      organization: orgSummary(def.org), inventory: inventorySummary(inventory), execution_environment: EE_SUMMARY,
      unified_job_template: unifiedTemplateSummary(def.id),
      inventory_source: { id: def.id, name: def.name, source: def.source ?? 'scm', status: 'successful' },
      ...c.group, ...c.creator, user_capabilities: { delete: true, start: true },
    },
    summaryTail: { credentials: [] },
    fields: {
      source: def.source ?? 'scm', source_path: '', source_vars: '', credential: null, enabled_var: '',
      enabled_value: '', host_filter: '', overwrite: false, overwrite_vars: false, custom_virtualenv: null,
      timeout: 0, verbosity: 1, inventory, inventory_source: def.id, license_error: false,
      org_host_limit_error: false, source_project_update: null, instance_group: null, scm_revision: '', source_project: null,
    },
    args: ['ansible-inventory', '--list', '--export', '-i', `/runner/inventory/${def.source ?? 'scm'}.yml`],
  };
}

function approvalParts(ctx: SpawnContext): KindParts {
  const { job } = ctx;
  const decided = job.status === 'successful' || (job.status === 'failed' && !job.timedOut);
  const approver = template(job.def.id).org === 3 ? 5 : 4;
  return {
    related: {
      ...userLinks(ctx.creator, null), unified_job_template: urlOf('workflow_approval_templates', job.def.id),
      source_workflow_job: urlOf('workflow_jobs', ctx.parentId),
      workflow_approval_template: urlOf('workflow_approval_templates', job.def.id), ...links(ctx.url, ['approve', 'deny']),
    },
    summary: {
      unified_job_template: unifiedTemplateSummary(job.def.id),
      workflow_approval_template: { ...templateSummary(job.def.id), timeout: APPROVAL_TIMEOUT },
      ...userSummaries(ctx.creator, null),
      ...(decided ? { approved_or_denied_by: userSummaries(approver, null).created_by } : {}),
      user_capabilities: { delete: true, start: false },
    },
    summaryTail: {},
    fields: { can_approve_or_deny: job.status === 'pending', approval_expiration: null, timed_out: job.timedOut },
    args: [],
  };
}

/** Builder of the type-specific parts, per spawned job type. */
export const KIND_PARTS = {
  job: jobParts,
  project_update: projectUpdateParts,
  inventory_update: inventoryUpdateParts,
  workflow_approval: approvalParts,
} as const;

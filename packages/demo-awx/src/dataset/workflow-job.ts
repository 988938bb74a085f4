import type { AwxRecord } from '../types.js';
import { type Micros, isoFromMicros } from '../time.js';
import { ancestorSummary, launchedBy, modifiedOf, sourceSummary, timing, topAncestor } from './launch.js';
import { scheduleSummary } from './schedules.js';
import type { WorkflowRun } from './simulate.js';
import { links, record, urlOf, userLinks, userSummaries } from './shape.js';
import {
  credentialSummary, inventorySummary, labelsSummary, orgSummary, templateSummary, unifiedTemplateSummary,
} from './summaries.js';

/** Builds the detail record of a workflow job (WorkflowJobSerializer), field order as AWX sends it. */
export function workflowJobRecord(run: WorkflowRun, clock: Micros): AwxRecord {
  const { plan } = run;
  const url = urlOf('workflow_jobs', plan.id);
  const top = topAncestor(run);
  const webhook = plan.launchType === 'webhook' ? plan.def.webhook : undefined;
  const times = timing({ status: plan.status, started: run.started, finished: run.finished, canceledOn: run.canceledOn }, clock);
  return record({
    id: plan.id, type: 'workflow_job', url,
    related: related(run, url), summary_fields: summary(run, clock),
    created: isoFromMicros(plan.created), modified: modifiedOf(plan.created, run.started),
    name: plan.def.name, description: plan.def.description, unified_job_template: plan.def.id,
    launch_type: plan.launchType, status: plan.status,
    ...times,
    job_args: '', job_cwd: '', job_env: {}, job_explanation: run.explanation, result_traceback: '',
    launched_by: launchedBy(top.plan), work_unit_id: null,
    workflow_job_template: plan.sliced ? null : plan.def.id,
    extra_vars: plan.extraVars, allow_simultaneous: plan.def.id % 3 === 0,
    job_template: plan.sliced ? plan.def.id : null, is_sliced_job: plan.sliced,
    inventory: plan.inventory, limit: plan.limit, scm_branch: plan.scmBranch,
    webhook_service: webhook?.service ?? '', webhook_credential: webhook?.credential ?? null,
    webhook_guid: plan.webhookGuid, skip_tags: plan.skipTags, job_tags: plan.jobTags,
  });
}

/** The users recorded on a workflow job: the launcher, inherited by nested jobs as creator only. */
export function creatorsOf(run: WorkflowRun): [number | null, number | null] {
  const creator = topAncestor(run).plan.creator;
  return run.parent ? [creator, null] : [creator, creator];
}

function related(run: WorkflowRun, url: string): Record<string, string> {
  const { plan } = run;
  const templatePath = plan.sliced ? 'job_templates' : 'workflow_job_templates';
  return {
    ...userLinks(...creatorsOf(run)),
    unified_job_template: urlOf(templatePath, plan.def.id),
    ...(plan.scheduleId === null ? {} : { schedule: urlOf('schedules', plan.scheduleId) }),
    ...(run.parent ? { source_workflow_job: urlOf('workflow_jobs', run.parent.plan.id) } : {}),
    ...(plan.sliced ? {} : { workflow_job_template: urlOf('workflow_job_templates', plan.def.id) }),
    // AWX links notifications only when the workflow job template is set.
    ...(plan.sliced ? {} : { notifications: `${url}notifications/` }),
    ...(plan.sliced ? { job_template: urlOf('job_templates', plan.def.id) } : {}),
    ...links(url, ['workflow_nodes', 'labels', 'activity_stream', 'relaunch', 'cancel']),
  };
}

function summary(run: WorkflowRun, clock: Micros): Record<string, unknown> {
  const { plan } = run;
  const webhook = plan.launchType === 'webhook' ? plan.def.webhook : undefined;
  return {
    organization: orgSummary(plan.def.org),
    ...(plan.inventory === null ? {} : { inventory: inventorySummary(plan.inventory) }),
    ...(plan.sliced ? { job_template: templateSummary(plan.def.id) } : {}),
    ...(plan.sliced ? {} : { workflow_job_template: templateSummary(plan.def.id) }),
    ...(plan.scheduleId === null ? {} : { schedule: scheduleSummary(plan.scheduleId, clock) }),
    unified_job_template: unifiedTemplateSummary(plan.def.id),
    ...(webhook ? { webhook_credential: credentialSummary(webhook.credential) } : {}),
    ...userSummaries(...creatorsOf(run)),
    user_capabilities: { delete: true, start: true }, // computed per caller when served (http/present.ts)
    ...(run.parent ? { source_workflow_job: sourceSummary(run.parent, clock) } : {}),
    ...ancestorSummary(plan.id, topAncestor(run)),
    labels: labelsSummary(plan.labels),
  };
}

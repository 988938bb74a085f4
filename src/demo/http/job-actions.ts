import { liveOf } from '../live/engine.js';
import { findRecord, parentJobId } from '../live/records.js';
import { organizationOf } from '../store.js';
import type { AwxRecord } from '../types.js';
import { badRequest, forbidden, invalidFields, methodNotAllowed, notFound } from './errors.js';
import { canCancel, canDelete, canExecute } from './permissions.js';
import { parentRecord } from './query.js';
import { resourceNamed } from './resources.js';
import { jsonObject, type ViewRequest, type ViewResult } from './view.js';

/** What a workflow job accepts besides reads: cancel, relaunch, delete (and the fake's own advance). */

const WORKFLOW_JOBS = resourceNamed('workflow_jobs')!;
/** UnifiedJob.CAN_CANCEL: the states a job can still be canceled in. */
const ACTIVE = new Set(['new', 'pending', 'waiting', 'running']);

/** The workflow job and its organization; 404 when it does not exist or the caller may not see it. */
function visibleJob(request: ViewRequest, id: number): { job: AwxRecord; org: number | null } {
  const job = parentRecord(request, WORKFLOW_JOBS, id);
  return { job, org: organizationOf(request.data, 'workflow_jobs', job) };
}

/** `cancel/`: GET `{"can_cancel": bool}`; POST cancels an active job (202), refuses a finished one. */
export function cancel(request: ViewRequest, id: number): ViewResult {
  const { job, org } = visibleJob(request, id);
  const cancelable = ACTIVE.has(String(job.status));
  if (request.method !== 'POST') return { status: 200, body: { can_cancel: cancelable } };
  const superuser = request.caller.account.isSuperuser;
  // WorkflowJobAccess.can_cancel is false for a finished job: only a superuser gets as far as the 405.
  if (!canCancel(request.caller, job, org) || (!cancelable && !superuser)) throw forbidden();
  if (!cancelable) throw methodNotAllowed('POST');
  liveOf(request.data).cancel(id);
  return { status: 202 };
}

/** `relaunch/`: GET `{}`; POST creates the job again (launch_type relaunch) and answers 201 with it. */
export function relaunch(request: ViewRequest, id: number): ViewResult {
  const { data, caller } = request;
  const { job, org } = visibleJob(request, id);
  if (request.method !== 'POST') return { status: 200, body: {} };
  const templateId = (job.workflow_job_template ?? job.job_template) as number | null;
  const collection = job.is_sliced_job === true ? 'job_templates' : 'workflow_job_templates';
  const tpl = templateId === null ? undefined : findRecord(data, collection, templateId);
  // WorkflowJobAccess.can_start: superusers always; others need the template (no orphans) and execute on it.
  if (!caller.account.isSuperuser && (!tpl || !canExecute(caller, org))) throw forbidden();
  const live = liveOf(data);
  const run = live.runOf(id)!;
  if (run.plan.sliced) {
    if (!tpl) throw badRequest('Cannot relaunch slice workflow job orphaned from job template.');
    if (tpl.job_slice_count !== run.nodes.length) {
      throw badRequest('Cannot relaunch sliced workflow job after slice count has changed.');
    }
  }
  const { plan } = run;
  const created = live.create({
    def: plan.def, sliced: plan.sliced, launchType: 'relaunch', creator: caller.account.id,
    graph: run.nodes.map((node) => node.graph),
    prompts: {
      inventory: plan.inventory, limit: plan.limit, scmBranch: plan.scmBranch, jobTags: plan.jobTags,
      skipTags: plan.skipTags, extraVars: plan.extraVars, labels: plan.labels,
    },
  });
  return { status: 201, body: created, headers: { Location: `${request.origin}${String(created.url)}` } };
}

/** DELETE of a workflow job (UnifiedJobDeletionMixin): 204, or 403 while it or its parent workflow runs. */
export function deleteJob(request: ViewRequest, id: number): ViewResult {
  const { job, org } = visibleJob(request, id);
  if (!canDelete(request.caller, org)) throw forbidden();
  const parentId = parentJobId(job);
  const parent = parentId === null ? undefined : findRecord(request.data, 'workflow_jobs', parentId);
  if (parent && ACTIVE.has(String(parent.status))) {
    throw forbidden('Cannot delete job resource when associated workflow job is running.');
  }
  // A job that is still `new` was never started, so AWX lets it go.
  if (ACTIVE.has(String(job.status)) && job.status !== 'new') throw forbidden('Cannot delete running job resource.');
  liveOf(request.data).remove(id);
  return { status: 204 };
}

/** `POST /_fake/workflow_jobs/{id}/advance/` (superusers only): one step, or `{"outcome": "failed"}` to fail it. */
export function advance(request: ViewRequest, id: number): ViewResult {
  if (request.method !== 'POST') throw methodNotAllowed(request.method);
  if (!request.caller.account.isSuperuser) throw forbidden();
  const outcome = jsonObject(request.body).outcome ?? 'successful';
  if (outcome !== 'successful' && outcome !== 'failed') {
    throw invalidFields({ outcome: [`"${String(outcome)}" is not a valid choice.`] });
  }
  const status = liveOf(request.data).advance(id, outcome);
  if (status === undefined) throw notFound();
  return { status: 200, body: { id, status } };
}

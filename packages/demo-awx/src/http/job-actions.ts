import { engineOf } from '../engine/engine.js';
import { findRecord, parentJobId } from '../engine/records.js';
import { relaunchRun } from '../engine/relaunch.js';
import type { AwxRecord } from '../types.js';
import { badRequest, forbidden, invalidFields, methodNotAllowed, notFound } from './errors.js';
import { canCancel, canDeleteWorkflowJob, canRelaunch, hasSecretsOfAnother, relaunchTemplate } from './permissions.js';
import { present } from './present.js';
import { parentRecord } from './query.js';
import { resourceNamed } from './resources.js';
import { Access } from './roles.js';
import { jsonObject, type ViewRequest, type ViewResult } from './view.js';

/** What a workflow job accepts besides reads: cancel, relaunch, delete (and the demo's own advance). */

const WORKFLOW_JOBS = resourceNamed('workflow_jobs')!;
/** UnifiedJob.CAN_CANCEL: the states a job can still be canceled in. */
const ACTIVE = new Set(['new', 'pending', 'waiting', 'running']);

/** The workflow job and the caller's access; 404 when it does not exist or the caller may not read it. */
function readableJob(request: ViewRequest, id: number): { job: AwxRecord; access: Access } {
  return { job: parentRecord(request, WORKFLOW_JOBS, id), access: new Access(request.data, request.caller) };
}

/** `cancel/`: GET `{"can_cancel": bool}`; POST cancels an active job (202), refuses a finished one. */
export function cancel(request: ViewRequest, id: number): ViewResult {
  const { job, access } = readableJob(request, id);
  const cancelable = ACTIVE.has(String(job.status));
  if (request.method !== 'POST') return { status: 200, body: { can_cancel: cancelable } };
  const superuser = request.caller.account.isSuperuser;
  // WorkflowJobAccess.can_cancel is false for a finished job: only a superuser gets as far as the 405.
  if (!superuser && (!cancelable || !canCancel(access, job))) throw forbidden();
  if (!cancelable) throw methodNotAllowed('POST');
  engineOf(request.data).cancel(id);
  return { status: 202 };
}

/** `relaunch/`: GET `{}`; POST creates the job again (launch_type relaunch) and answers 201 with it. */
export function relaunch(request: ViewRequest, id: number): ViewResult {
  const { data, caller } = request;
  const { job, access } = readableJob(request, id);
  if (request.method !== 'POST') return { status: 200, body: {} };
  if (!canRelaunch(access, job)) throw forbidden();
  if (hasSecretsOfAnother(access, job)) throw forbidden('Job was launched with secret prompts provided by another user.');
  const tpl = relaunchTemplate(access, job);
  if (job.is_sliced_job === true) {
    if (!tpl) throw badRequest('Cannot relaunch slice workflow job orphaned from job template.');
    const slices = data.collections.workflow_job_nodes.filter((node) => node.workflow_job === id).length;
    if (tpl.job_slice_count !== slices) throw badRequest('Cannot relaunch sliced workflow job after slice count has changed.');
  }
  const created = relaunchRun(engineOf(data), job, caller.account.id);
  // The relaunch carries the original's survey passwords along (UnifiedJob.copy_unified_job).
  if (data.surveyPasswords[id]) data.surveyPasswords[created.id] = [...data.surveyPasswords[id]];
  return { status: 201, body: present(access, created), headers: { Location: `${request.origin}${String(created.url)}` } };
}

/** DELETE of a workflow job (UnifiedJobDeletionMixin): 204, or 403 while it or its parent workflow runs. */
export function deleteJob(request: ViewRequest, id: number): ViewResult {
  const { job, access } = readableJob(request, id);
  if (!canDeleteWorkflowJob(access, job)) throw forbidden();
  const parentId = parentJobId(job);
  const parent = parentId === null ? undefined : findRecord(request.data, 'workflow_jobs', parentId);
  if (parent && ACTIVE.has(String(parent.status))) {
    throw forbidden('Cannot delete job resource when associated workflow job is running.');
  }
  // A job that is still `new` was never started, so AWX lets it go.
  if (ACTIVE.has(String(job.status)) && job.status !== 'new') throw forbidden('Cannot delete running job resource.');
  engineOf(request.data).remove(id);
  return { status: 204 };
}

/** `POST /_demo/workflow_jobs/{id}/advance/` (superusers only): one step, or `{"outcome": "failed"}` to fail it. */
export function advance(request: ViewRequest, id: number): ViewResult {
  if (request.method !== 'POST') throw methodNotAllowed(request.method);
  if (!request.caller.account.isSuperuser) throw forbidden();
  const outcome = jsonObject(request.body).outcome ?? 'successful';
  if (outcome !== 'successful' && outcome !== 'failed') {
    throw invalidFields({ outcome: [`"${String(outcome)}" is not a valid choice.`] });
  }
  const status = engineOf(request.data).advance(id, outcome);
  if (status === undefined) throw notFound();
  return { status: 200, body: { id, status } };
}

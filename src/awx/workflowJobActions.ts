/**
 * AWX's workflow job actions: cancel, relaunch and delete a workflow job, and launch a workflow job
 * template (`POST /workflow_jobs/{id}/cancel/`, `…/relaunch/`, `DELETE /workflow_jobs/{id}/`,
 * `POST /workflow_job_templates/{id}/launch/`). Each is sent once, never retried.
 */
import type { AwxClient } from './client.js';
import { AwxResponseError, type AwxAction } from './errors.js';
import type { AwxWorkflowJob } from './types.js';

/** What a caller may prompt for at launch, under the gateway's names; only the prompts given are sent. */
export interface LaunchPrompts {
  /** An object of variables, or JSON or YAML text as AWX accepts it. */
  extraVars?: Record<string, unknown> | string;
  inventoryId?: number;
  limit?: string;
  scmBranch?: string;
  labelIds?: readonly number[];
  jobTags?: string;
  skipTags?: string;
}

/** Each prompt's field in AWX's launch body. */
const LAUNCH_FIELDS: Readonly<Record<keyof LaunchPrompts, string>> = {
  extraVars: 'extra_vars',
  inventoryId: 'inventory',
  limit: 'limit',
  scmBranch: 'scm_branch',
  labelIds: 'labels',
  jobTags: 'job_tags',
  skipTags: 'skip_tags',
};

/**
 * AWX's launch fields under the gateway's names, to report refusals and ignored prompts in the caller's
 * terms. AWX lists missing survey answers under `variables_needed_to_start`; they are given as `extraVars`.
 */
export const LAUNCH_INPUT_NAMES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(LAUNCH_FIELDS).map(([prompt, field]) => [field, prompt])),
  inventory_id: 'inventoryId',
  variables_needed_to_start: 'extraVars',
};

/** A launched workflow job, and the prompts AWX ignored because the template does not ask for them. */
export interface LaunchResult {
  job: AwxWorkflowJob;
  /** AWX's `ignored_fields`, keyed by the gateway's prompt names (`inventoryId`, not `inventory`). */
  ignoredFields: Record<string, unknown>;
}

/** The actions of one caller (the client carries their credentials). */
export interface WorkflowJobActions {
  /** Asks AWX to cancel a running workflow job (and the jobs it spawned); AWX answers 202 and cancels in the background. */
  cancel(id: number): Promise<void>;
  /** Starts a new run of a workflow job with the same prompts; resolves with the new job. */
  relaunch(id: number): Promise<AwxWorkflowJob>;
  /** Deletes a finished workflow job (AWX refuses while it is pending, waiting or running). */
  delete(id: number): Promise<void>;
  /** Launches a workflow job template with the prompts given. */
  launch(templateId: number, prompts: LaunchPrompts): Promise<LaunchResult>;
}

/** AWX's launch body: the prompts the caller gave, under AWX's field names; nothing else. */
export function launchBody(prompts: LaunchPrompts): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [prompt, field] of Object.entries(LAUNCH_FIELDS) as [keyof LaunchPrompts, string][]) {
    if (prompts[prompt] !== undefined) body[field] = prompts[prompt];
  }
  return body;
}

/** Binds the actions to one caller's client. */
export function createWorkflowJobActions(client: AwxClient): WorkflowJobActions {
  return {
    async cancel(id) {
      await client.write('POST', ['workflow_jobs', id, 'cancel'], {
        action: {
          what: `cancel workflow job ${id}`,
          notAllowed: `Workflow job ${id} can no longer be canceled: it has already finished (AWX answered 405).`,
          forbiddenHint: 'AWX answers this way too when the job has already finished and the caller is not a superuser.',
        },
      });
    },
    async relaunch(id) {
      const job = await client.write<AwxWorkflowJob>('POST', ['workflow_jobs', id, 'relaunch'], { action: { what: `relaunch workflow job ${id}` } });
      return createdJob(job);
    },
    async delete(id) {
      await client.write('DELETE', ['workflow_jobs', id], { action: { what: `delete workflow job ${id}` } });
    },
    async launch(templateId, prompts) {
      const action: AwxAction = { what: `launch workflow job template ${templateId}`, fieldNames: LAUNCH_INPUT_NAMES };
      const answer = await client.write<LaunchAnswer>('POST', ['workflow_job_templates', templateId, 'launch'], { body: launchBody(prompts), action });
      return launchResult(answer);
    },
  };
}

/** The 201 answer of a launch: the new job's serialization with AWX's two launch fields in front of it. */
type LaunchAnswer = AwxWorkflowJob & { workflow_job?: number; ignored_fields?: Record<string, unknown> };

/** The new job and what AWX ignored; a 201 without the job is a broken answer. */
function launchResult(answer: LaunchAnswer | null): LaunchResult {
  if (!answer) return { job: createdJob(null), ignoredFields: {} };
  const { workflow_job: _newId, ignored_fields: ignored, ...job } = answer;
  return { job: createdJob(job), ignoredFields: renameKeys(ignored ?? {}) };
}

/** The new job of a 201 answer; AWX always sends one, so anything else is a broken answer. */
function createdJob(job: AwxWorkflowJob | null): AwxWorkflowJob {
  if (!job || typeof job.id !== 'number') throw new AwxResponseError('AWX created a workflow job but did not send it back.', 201);
  return job;
}

/** AWX's `ignored_fields` under the gateway's prompt names. */
function renameKeys(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([field, value]) => [LAUNCH_INPUT_NAMES[field] ?? field, value]));
}

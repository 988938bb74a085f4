/**
 * `Mutation`: workflow job actions. Ids and prompts are checked before AWX is called; after a write,
 * every copy of the touched job is forgotten (this request's loaders and every caller's cache entries).
 */
import type { LaunchWorkflowJobTemplateInput, MutationResolvers } from '../__generated__/resolvers-types.js';
import type { LaunchPrompts } from '../awx/workflowJobActions.js';
import type { GatewayContext } from '../context.js';
import { badInput, notFound, quote, refusedByAwx } from '../errors.js';
import { parseId } from './helpers.js';

/**
 * Runs a write on a workflow job, then forgets the job everywhere: after success, and after a failure
 * that is not AWX's refusal (a lost answer, a 5xx), since AWX may have acted on it anyway. A refusal
 * changed nothing, so it does not evict (nor can anyone bust other callers' cache by sending refused writes).
 */
async function writing<T>(context: GatewayContext, id: number, write: () => Promise<T>): Promise<T> {
  let refused = false;
  try {
    return await write();
  } catch (error) {
    refused = refusedByAwx(error);
    throw error;
  } finally {
    if (!refused) {
      context.loaders.forget(id);
      await context.evictJob(id);
    }
  }
}

/** Extra variables as AWX accepts them: an object of variables, or JSON or YAML text. */
function extraVars(value: unknown): LaunchPrompts['extraVars'] {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || (typeof value === 'object' && !Array.isArray(value))) return value as LaunchPrompts['extraVars'];
  throw badInput(`'input.extraVars' must be an object of variables or JSON or YAML text, got ${quote(value)}.`, { argument: 'input.extraVars' });
}

/** The launch prompts the caller gave (null counts as not given: the template's default stands). */
function launchPrompts(input: LaunchWorkflowJobTemplateInput | null | undefined): LaunchPrompts {
  const given = (value: string | null | undefined) => value ?? undefined;
  const inventoryId = input?.inventoryId;
  return {
    extraVars: extraVars(input?.extraVars),
    inventoryId: inventoryId === null || inventoryId === undefined ? undefined : parseId(inventoryId, 'input.inventoryId'),
    limit: given(input?.limit),
    scmBranch: given(input?.scmBranch),
    labelIds: input?.labelIds?.map((labelId) => parseId(labelId, 'input.labelIds')),
    jobTags: given(input?.jobTags),
    skipTags: given(input?.skipTags),
  };
}

export const Mutation: MutationResolvers = {
  cancelWorkflowJob: async (_root, { id }, context) => {
    const jobId = parseId(id, 'id');
    await writing(context, jobId, () => context.actions.cancel(jobId));
    // Read again from AWX: the loaders and the cache were just cleared of this job.
    const job = await context.loaders.workflowJob.detail.load({ id: jobId });
    if (!job) throw notFound(`AWX accepted the cancel of workflow job ${jobId} but no longer shows the job.`);
    return { workflowJob: job };
  },

  relaunchWorkflowJob: async (_root, { id }, context) => {
    const jobId = parseId(id, 'id');
    const job = await writing(context, jobId, () => context.actions.relaunch(jobId));
    // The job AWX just created: nothing selected on it is read again.
    context.loaders.remember(job);
    return { workflowJob: job };
  },

  deleteWorkflowJob: async (_root, { id }, context) => {
    const jobId = parseId(id, 'id');
    await writing(context, jobId, () => context.actions.delete(jobId));
    return { deletedId: String(jobId) };
  },

  launchWorkflowJobTemplate: async (_root, { id, input }, context) => {
    const templateId = parseId(id, 'id');
    const prompts = launchPrompts(input);
    try {
      const { job, ignoredFields } = await context.actions.launch(templateId, prompts);
      context.loaders.remember(job);
      return { workflowJob: job, ignoredFields };
    } finally {
      // The template's last job and its counts change with a launch; templates are not cached across requests.
      context.loaders.byId('workflow_job_templates').clear(templateId);
    }
  },
};

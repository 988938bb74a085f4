/** `WorkflowJobNode` ← AWX `workflow_job_node`: launch-config fields, its job, template and child nodes. */
import type { WorkflowJobNodeResolvers } from '../__generated__/resolvers-types.js';
import { jobResourceOfType, refFromUrl, templateResourceOfType, templateTypeOfJobType } from '../awx/resources.js';
import type { AwxWorkflowJobNode } from '../awx/workflowJobNodes.js';
import type { GatewayContext } from '../context.js';
import { propsOf } from './helpers.js';
import { launchConfigFields } from './launchConfig.js';
import { resolveRelated } from './related.js';

/**
 * What a node's `summary_fields` answer about its job, template and workflow job: `SUMMARIZABLE_FK_FIELDS` in
 * awx/api/serializers.py, plus `timed_out` for approvals (`WorkflowJobNodeSerializer.get_summary_fields`).
 * Each is checked against the summary it is used with: a field that summary lacks fails to compile.
 */
const JOB = ['id', 'name', 'description', 'status', 'failed', 'elapsed', 'type', 'canceledOn', 'timedOut'] as const;
const TEMPLATE = ['id', 'name', 'description', 'type'] as const;
const NAMED = ['id', 'name', 'description', 'type'] as const;

const p = propsOf<AwxWorkflowJobNode>();

/** Child nodes by id: already in this request's node loader when the graph was read, else one batched read. */
function children(key: 'success_nodes' | 'failure_nodes' | 'always_nodes') {
  return async (node: AwxWorkflowJobNode, _args: unknown, { loaders }: GatewayContext) => {
    const found = await loaders.byId('workflow_job_nodes').loadMany(node[key] ?? []);
    return found.filter((child): child is AwxWorkflowJobNode => child !== null && !(child instanceof Error));
  };
}

export const WorkflowJobNode: WorkflowJobNodeResolvers = {
  created: p('created'),
  modified: p('modified'),
  identifier: p('identifier'),
  doNotRun: p('do_not_run'),
  allParentsMustConverge: p('all_parents_must_converge'),
  ...launchConfigFields,
  jobId: p('job'),
  job: (node, _args, ctx, info) => {
    const summary = node.summary_fields?.job;
    const resource = refFromUrl(node.related?.job)?.resource ?? jobResourceOfType(summary?.type);
    if (!resource) return null;
    return resolveRelated({ id: node.job, resource, summary, answers: JOB }, info, ctx);
  },
  unifiedJobTemplate: (node, _args, ctx, info) => {
    const summary = node.summary_fields?.unified_job_template;
    const type = templateTypeOfJobType(summary?.unified_job_type);
    const resource = refFromUrl(node.related?.unified_job_template)?.resource ?? templateResourceOfType(type);
    if (!resource) return null;
    return resolveRelated({ id: node.unified_job_template, resource, summary, extra: type ? { type } : undefined, answers: TEMPLATE }, info, ctx);
  },
  successNodes: children('success_nodes'),
  failureNodes: children('failure_nodes'),
  alwaysNodes: children('always_nodes'),
  workflowJob: (node, _args, ctx, info) =>
    resolveRelated(
      { id: node.workflow_job, resource: 'workflow_jobs', summary: node.summary_fields?.workflow_job, extra: { type: 'workflow_job' }, answers: NAMED },
      info,
      ctx,
    ),
};

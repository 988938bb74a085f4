import { templateGraph } from '../dataset/graph.js';
import type { AwxRecord } from '../types.js';
import type { JobEngine } from './engine.js';
import { planOf } from './runs.js';

/**
 * The new workflow job of a relaunch (WorkflowJob.create_relaunch_workflow_job). A job the engine can read
 * back gets its run copied, nodes new and unstarted. One it cannot (a node ran a template the catalog lacks)
 * is launched again from its template with the original prompts, which is what AWX does for every job with
 * a template (copy_unified_job → create_unified_job). A bulk job has no template: its records are copied,
 * nodes included (copy_nodes_from_original).
 */
export function relaunchRun(engine: JobEngine, job: AwxRecord, creator: number): AwxRecord {
  const run = engine.runOf(job.id);
  if (run) {
    const { plan } = run;
    return engine.create({
      def: plan.def, sliced: plan.sliced, launchType: 'relaunch', creator, graph: run.nodes.map((node) => node.graph),
      prompts: {
        inventory: plan.inventory, limit: plan.limit, scmBranch: plan.scmBranch, jobTags: plan.jobTags,
        skipTags: plan.skipTags, extraVars: plan.extraVars, labels: plan.labels,
      },
    });
  }
  const plan = planOf(engine.data, job, null);
  if (!plan) return engine.copy(job.id, creator);
  return engine.create({
    def: plan.def, sliced: false, launchType: 'relaunch', creator, graph: templateGraph(plan.def),
    prompts: {
      inventory: plan.inventory, limit: plan.limit, scmBranch: plan.scmBranch, jobTags: plan.jobTags,
      skipTags: plan.skipTags, extraVars: plan.extraVars, labels: plan.labels,
    },
  });
}

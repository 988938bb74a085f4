import type { AwxRecord } from '../types.js';
import { type Micros, isoFromMicros } from '../time.js';
import { JOB_PATH, type TemplateDef } from './catalog.js';
import { ancestorSummary, launchedBy, modifiedOf, sourceSummary, timing, topAncestor } from './launch.js';
import { INVENTORIES } from './people.js';
import { revisionOf, type SpawnContext } from './spawned-common.js';
import { KIND_PARTS } from './spawned-kinds.js';
import type { JobRun, WorkflowRun } from './simulate.js';
import { record, urlOf } from './shape.js';

/** Records of the unified jobs that workflow nodes spawn: jobs, project/inventory updates, approvals. */

/** The name AWX gives the spawned job: the template's, prefixed by the inventory for inventory updates. */
export function jobName(def: TemplateDef): string {
  if (def.kind !== 'inventory_update') return def.name;
  const inventory = INVENTORIES.find((inv) => inv.id === def.inventory);
  return `${inventory?.name ?? 'Inventory'} - ${def.name}`;
}

/** Detail record of a spawned job (launch_type `workflow`), in the field order of its AWX serializer. */
export function spawnedRecord(job: JobRun, parent: WorkflowRun, clock: Micros): AwxRecord {
  const kind = job.def.kind;
  if (kind === 'workflow_job') throw new Error('nested workflow jobs are built by workflowJobRecord');
  const top = topAncestor(parent);
  const ctx: SpawnContext = { job, creator: top.plan.creator, url: urlOf(JOB_PATH[kind], job.id), parentId: parent.plan.id };
  const parts = KIND_PARTS[kind](ctx);
  const t = timing(job, clock);
  const started = job.started !== null;
  const onNode = kind !== 'workflow_approval';
  return record({
    id: job.id, type: kind, url: ctx.url,
    related: parts.related,
    summary_fields: {
      ...parts.summary,
      source_workflow_job: sourceSummary(parent, clock),
      ...ancestorSummary(job.id, top),
      ...parts.summaryTail,
    },
    created: isoFromMicros(job.created), modified: modifiedOf(job.created, job.started),
    name: jobName(job.def), description: job.def.description, unified_job_template: job.def.id,
    launch_type: 'workflow', status: job.status, execution_environment: onNode ? 1 : null,
    ...t,
    job_args: onNode ? JSON.stringify(parts.args) : '',
    job_cwd: onNode ? '/runner/project' : '',
    job_env: onNode && started ? jobEnv(job) : {},
    job_explanation: job.explanation,
    ...(onNode ? { execution_node: started ? `awx-demo-exec-${(job.id % 2) + 1}` : '' } : {}),
    ...(onNode && kind !== 'project_update' ? { controller_node: started ? 'awx-demo-task-1' : '' } : {}),
    result_traceback: job.status === 'error' ? TRACEBACK : '',
    event_processing_finished: job.finished !== null,
    launched_by: launchedBy(top.plan),
    work_unit_id: onNode && started ? revisionOf(job.id).slice(0, 8) : null,
    ...parts.fields,
  });
}

function jobEnv(job: JobRun): Record<string, string> {
  return {
    ANSIBLE_FORCE_COLOR: 'True',
    ANSIBLE_HOST_KEY_CHECKING: 'False',
    ANSIBLE_INVENTORY_UNPARSED_FAILED: 'True',
    ANSIBLE_PARAMIKO_RECORD_HOST_KEYS: 'False',
    AWX_PRIVATE_DATA_DIR: '/tmp/awx_' + job.id + '_' + revisionOf(job.id).slice(0, 8),
    JOB_ID: String(job.id),
    PROJECT_REVISION: revisionOf(job.def.project ?? job.def.id),
    ANSIBLE_CALLBACK_PLUGINS: '/runner/artifacts/' + job.id + '/callback',
    RUNNER_OMIT_EVENTS: 'False',
    RUNNER_ONLY_FAILED_EVENTS: 'False',
  };
}

const TRACEBACK = [
  'Traceback (most recent call last):',
  '  File "/var/lib/awx/venv/awx/lib64/python3.11/site-packages/awx/main/tasks/jobs.py", line 604, in run',
  '    res = receptor_job.run()',
  'RuntimeError: Receptor detail: Error starting pod: work unit was canceled by the controller',
  '',
].join('\n');

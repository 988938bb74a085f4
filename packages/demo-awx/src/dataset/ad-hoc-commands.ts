import type { AwxRecord } from '../types.js';
import { SECOND, type Micros, isoFromMicros } from '../time.js';
import { timing } from './launch.js';
import { PEOPLE } from './people.js';
import { EE_SUMMARY, revisionOf } from './spawned-common.js';
import { links, record, urlOf, userLinks, userSummaries } from './shape.js';
import { credentialSummary, inventorySummary } from './summaries.js';

/** Ad hoc commands: single modules run by hand against an inventory, owned by the inventory's organization. */

interface AdHocDef {
  org: number;
  inventory: number;
  credential: number;
  user: number;
  module: string;
  args: string;
  limit: string;
  status: 'successful' | 'failed' | 'canceled';
  hoursAgo: number;
  seconds: number;
}

const DEFS: readonly AdHocDef[] = [
  { org: 2, inventory: 3, credential: 1, user: 2, module: 'shell', args: 'uptime', limit: '', status: 'successful', hoursAgo: 30, seconds: 8.412 },
  { org: 3, inventory: 4, credential: 5, user: 3, module: 'ping', args: '', limit: 'dc1-*', status: 'successful', hoursAgo: 18, seconds: 14.027 },
  { org: 3, inventory: 4, credential: 5, user: 5, module: 'command', args: 'df -h /var', limit: 'db*', status: 'failed', hoursAgo: 6, seconds: 11.3 },
  { org: 1, inventory: 1, credential: 1, user: 1, module: 'setup', args: '', limit: '', status: 'canceled', hoursAgo: 2, seconds: 3.05 },
];

/** One demo ad hoc command with the organization that owns it (its inventory's). */
export interface OwnedRecord {
  record: AwxRecord;
  org: number;
}

/** Detail records of the demo's ad hoc commands, ids from `firstId`. */
export function adHocCommandRecords(firstId: number, clock: Micros): OwnedRecord[] {
  return DEFS.map((def, index) => ({ record: adHocCommand(firstId + index, def, clock), org: def.org }));
}

function adHocCommand(id: number, def: AdHocDef, clock: Micros): AwxRecord {
  const url = urlOf('ad_hoc_commands', id);
  const created = clock - Math.round(def.hoursAgo * 3_600 * SECOND);
  const started = created + 412_345;
  const finished = started + Math.round(def.seconds * SECOND);
  const user = PEOPLE.find((p) => p.id === def.user)!;
  return record({
    id, type: 'ad_hoc_command', url,
    related: {
      ...userLinks(def.user, null), ...links(url, ['stdout']), execution_environment: urlOf('execution_environments', 1),
      inventory: urlOf('inventories', def.inventory), credential: urlOf('credentials', def.credential),
      ...links(url, ['events', 'activity_stream', 'notifications', 'cancel', 'relaunch']),
    },
    summary_fields: {
      inventory: inventorySummary(def.inventory), credential: credentialSummary(def.credential),
      execution_environment: EE_SUMMARY, instance_group: { id: 2, name: 'default', is_container_group: false },
      ...userSummaries(def.user, null), user_capabilities: { delete: true, start: true },
    },
    created: isoFromMicros(created), modified: isoFromMicros(started + 7_387),
    name: [def.module, def.args].filter(Boolean).join(': '), launch_type: 'manual', status: def.status, execution_environment: 1,
    ...timing({ status: def.status, started, finished, canceledOn: def.status === 'canceled' ? finished - 250_000 : null }, clock),
    job_args: JSON.stringify(['ansible', '-u', 'ansible', '-i', '/runner/inventory/hosts', '-m', def.module,
      ...(def.args ? ['-a', def.args] : []), def.limit || 'all']),
    job_cwd: '/runner/project', job_env: { ANSIBLE_FORCE_COLOR: 'True', AWX_HOST: 'https://awx.example.com', JOB_ID: String(id) },
    job_explanation: '', execution_node: `awx-demo-exec-${(id % 2) + 1}`, controller_node: 'awx-demo-task-1',
    result_traceback: '', event_processing_finished: true,
    launched_by: { id: user.id, name: user.username, type: 'user', url: urlOf('users', user.id) },
    work_unit_id: revisionOf(id).slice(0, 8),
    job_type: 'run', inventory: def.inventory, limit: def.limit, credential: def.credential, module_name: def.module,
    module_args: def.args, forks: 0, verbosity: 0, extra_vars: '', become_enabled: def.module === 'setup', diff_mode: false,
    host_status_counts: def.status === 'successful' ? { ok: 5 } : { ok: 3, failures: 2 },
  });
}

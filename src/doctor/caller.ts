/** Checks 7 and 8, with the credential that authenticated: AWX's websocket, and the filters the gateway batches with. */
import { confirmStatusEvents, websocketPathOf } from '../awx/doctorApi.js';
import { probeNodeJobIn, probeWorkflowJobIdIn } from '../awx/doctorBatching.js';
import { failureText } from './api.js';
import { upstreamOf, type Check, type CheckOutcome } from './types.js';

const NO_CREDENTIAL: CheckOutcome = { status: 'skip', message: 'skipped: no credential to check with (pass --token <token>)' };

/** Ids as words: `7`, `7 and 6`, `1, 2, 3, … (40 in all)`. */
function ids(list: readonly number[]): string {
  if (list.length === 0) return 'none';
  if (list.length <= 2) return list.join(' and ');
  return list.length <= 8 ? list.join(', ') : `${list.slice(0, 8).join(', ')}, … (${list.length} in all)`;
}

/** AWX's websocket accepts the credential and confirms a subscription; a failure is a warning (the gateway then polls). */
export const websocketCheck: Check = {
  id: 'websocket',
  title: 'websocket',
  needs: ['credentials'],
  async run(context) {
    const { config, transport } = upstreamOf(context);
    if (config.subscriptions.websocket === 'off') return { status: 'skip', message: 'skipped: AWX_WEBSOCKET=off, so subscriptions poll AWX' };
    if (!context.credential) return NO_CREDENTIAL;
    const path = websocketPathOf(transport);
    try {
      await confirmStatusEvents(transport, context.credential.authorization);
      return { status: 'pass', message: `subscription to job status changes confirmed at ${path}`, details: { path } };
    } catch (error) {
      return {
        status: 'warn',
        message: `${failureText(error)} (${path})`,
        hint: `a proxy or load balancer in front of the controller may not pass websocket upgrades to ${path}; subscriptions still work: the gateway polls AWX instead (slower, and more requests)`,
        details: { path, reason: failureText(error) },
      };
    }
  },
};

const FILTER_HINT = "AWX, or a proxy in front of it, ignored the filter; the gateway batches its reads with it and would serve the wrong objects: look for a proxy that rewrites query strings, or an API that is not AWX's";

/** `id__in` on workflow jobs returns exactly the asked ones, and `workflow_job__in` only nodes of the asked jobs. */
export const batchingCheck: Check = {
  id: 'batching',
  title: 'batching',
  needs: ['credentials'],
  async run(context) {
    const { transport } = upstreamOf(context);
    const credential = context.credential;
    if (!credential) return NO_CREDENTIAL;
    try {
      const byId = await probeWorkflowJobIdIn(transport, credential.authorization);
      if (byId.visible === 0) return { status: 'skip', message: `skipped: ${credential.source} sees no workflow jobs to read back` };
      const exact = byId.returned.length === byId.asked.length && byId.asked.every((id) => byId.returned.includes(id));
      const details = { ...byId };
      if (!exact) return { status: 'fail', message: `id__in on workflow_jobs: asked for ${ids(byId.asked)}, got ${ids(byId.returned)}`, hint: FILTER_HINT, details };
      const nodes = await probeNodeJobIn(transport, credential.authorization, byId.newest);
      Object.assign(details, { nodes: nodes.nodes, strayJobs: nodes.strays });
      if (nodes.strays.length > 0) {
        return { status: 'fail', message: `workflow_job__in on workflow_job_nodes: asked for jobs ${ids(byId.newest)}, got nodes of jobs ${ids(nodes.strays)} too`, hint: FILTER_HINT, details };
      }
      const lonely = byId.visible === 1 ? ' (only one job visible: an ignored filter would look the same)' : '';
      const message = `id__in on workflow_jobs returned exactly jobs ${ids(byId.asked)}${lonely}; workflow_job__in returned ${nodes.nodes} nodes, all of jobs ${ids(byId.newest)}`;
      return { status: 'pass', message, details };
    } catch (error) {
      return { status: 'fail', message: `could not read workflow jobs with ${credential.source}: ${failureText(error)}` };
    }
  },
};

/** A workflow job's paginated sub-resources: labels, notifications and activity stream. */
import type { AwxRecord } from '../awx/byIds.js';
import type { AwxClient } from '../awx/client.js';
import { fetchWindow, type ListWindow, type WindowResult } from '../awx/paginate.js';
import type { AwxResource } from '../awx/resources.js';
import { primeAll, type ByIdLoader } from './byId.js';

/** Sub-resources of `/api/v2/workflow_jobs/{id}/…/` read a window at a time. */
export type WorkflowJobSubList = 'labels' | 'notifications' | 'activity_stream';

/** Reads one window of one sub-list of one job; the same read asked twice in a request is made once. */
export type SubListReader = (jobId: number, list: WorkflowJobSubList, window: ListWindow) => Promise<WindowResult<AwxRecord>>;

/** Collections whose by-id loaders a sub-list's rows prime. */
const PRIMES: Partial<Record<WorkflowJobSubList, AwxResource>> = { labels: 'labels', notifications: 'notifications' };

/** Creates the reader for one request. */
export function createSubListReader(awx: AwxClient, byId: (resource: AwxResource) => ByIdLoader): SubListReader {
  const reads = new Map<string, Promise<WindowResult<AwxRecord>>>();
  return (jobId, list, window) => {
    const key = `${jobId}/${list}/${window.offset}/${window.limit}`;
    let read = reads.get(key);
    if (!read) {
      read = fetchWindow<AwxRecord>(awx, ['workflow_jobs', jobId, list], new URLSearchParams(), [], window).then((result) => {
        const resource = PRIMES[list];
        if (resource) primeAll(byId(resource), result.items);
        return result;
      });
      reads.set(key, read);
    }
    return read;
  };
}

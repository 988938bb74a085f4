/**
 * The hand-written REST baseline: what a careful client of AWX's REST API does without a gateway. It reads a
 * page, then every related resource type in one `?id__in=` request, and takes labels from `summary_fields`
 * except for jobs with more than ten (AWX embeds ten): those need their `/labels/` list, one request each,
 * as for the gateway, since AWX cannot batch labels by job.
 */
import { NaiveClient } from './naive.js';

type Json = Record<string, any>;

/** Reads `/api/v2/<resource>/?id__in=…` once and returns the objects by id (an empty map for no ids). */
async function byIds(client: NaiveClient, resource: string, ids: Iterable<number | null | undefined>): Promise<Map<number, Json>> {
  const unique = [...new Set([...ids].filter((id): id is number => typeof id === 'number'))];
  if (unique.length === 0) return new Map();
  const page = await client.get(`/api/v2/${resource}/?id__in=${unique.join(',')}&page_size=${Math.min(200, unique.length)}`);
  return new Map((page.results as Json[]).map((item) => [item.id as number, item]));
}

/** Every label name of each job: from its summary when complete, else from its `/labels/` list. */
async function labelNames(client: NaiveClient, jobs: Json[]): Promise<Map<number, string[]>> {
  const lists = await Promise.all(
    jobs.map(async (job) => {
      const embedded = job.summary_fields.labels ?? { count: 0, results: [] };
      if (embedded.count <= embedded.results.length) return [job.id, embedded.results.map((l: Json) => l.name)] as const;
      const all = await client.get(`/api/v2/workflow_jobs/${job.id}/labels/?page_size=200`);
      return [job.id, (all.results as Json[]).map((l) => l.name)] as const;
    }),
  );
  return new Map(lists);
}

/** The S2 dashboard page: the jobs, then templates, creators and inventories by `id__in` (4), plus long label lists. */
export async function batchedDashboard(client: NaiveClient, pageSize: number, query = ''): Promise<Json[]> {
  const page = await client.get(`/api/v2/workflow_jobs/?order_by=id&page=1&page_size=${pageSize}${query}`);
  const jobs = page.results as Json[];
  const [templates, users, inventories, labels] = await Promise.all([
    byIds(client, 'workflow_job_templates', jobs.map((j) => j.workflow_job_template)),
    byIds(client, 'users', jobs.map((j) => j.summary_fields.created_by?.id)),
    byIds(client, 'inventories', jobs.map((j) => j.inventory)),
    labelNames(client, jobs),
  ]);
  return jobs.map((job) => {
    const template = templates.get(job.workflow_job_template);
    const creator = users.get(job.summary_fields.created_by?.id);
    const inventory = inventories.get(job.inventory);
    return {
      id: job.id, name: job.name, status: job.status,
      template: template && { name: template.name, modified: template.modified },
      creator: creator && { username: creator.username, email: creator.email },
      inventory: inventory && { name: inventory.name, totalHosts: inventory.total_hosts },
      labels: labels.get(job.id) ?? [],
    };
  });
}

/** The S3 node graphs in 2 requests (plus pages past 200 nodes): the jobs, then all their nodes by `workflow_job__in`. */
export async function batchedNodeGraphs(client: NaiveClient, pageSize: number): Promise<Json[]> {
  const page = await client.get(`/api/v2/workflow_jobs/?order_by=id&page=1&page_size=${pageSize}`);
  const jobs = page.results as Json[];
  const nodes: Json[] = [];
  let next: string | null = `/api/v2/workflow_job_nodes/?workflow_job__in=${jobs.map((j) => j.id).join(',')}&order_by=id&page_size=200`;
  while (next) {
    const nodePage: Json = await client.get(next);
    nodes.push(...nodePage.results);
    next = nodePage.next;
  }
  const byId = new Map(nodes.map((n) => [n.id as number, n]));
  return jobs.map((job) => ({
    id: job.id,
    nodes: nodes.filter((n) => n.workflow_job === job.id).map((n) => ({
      identifier: n.identifier,
      job: n.summary_fields.job ? { type: n.summary_fields.job.type, status: n.summary_fields.job.status } : null,
      success: (n.success_nodes as number[]).map((id) => byId.get(id)?.identifier),
    })),
  }));
}

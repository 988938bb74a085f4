/**
 * The naive baseline for related objects: what per-field resolvers that follow each AWX `related` URL
 * do (a request per object, per node, no batching, no summaries). Kept here only as a yardstick.
 */
import { request } from 'undici';

type Json = Record<string, any>;

/** A REST client that counts its requests. */
export class NaiveClient {
  calls = 0;
  constructor(private readonly base: string, private readonly authorization: string) {}

  async get(path: string): Promise<Json> {
    this.calls++;
    const response = await request(`${this.base}${path}`, { headers: { authorization: this.authorization } });
    return (await response.body.json()) as Json;
  }
}

/** One job with its template and creator, each read from its related URL. */
export async function jobWithTemplateAndCreator(client: NaiveClient, id: number): Promise<Json> {
  const job = await client.get(`/api/v2/workflow_jobs/${id}/`);
  const [template, creator] = await Promise.all([client.get(job.related.workflow_job_template), client.get(job.related.created_by)]);
  return { id: job.id, template: { id: template.id, name: template.name }, creator: creator.username };
}

/** A dashboard page: every job's creator, template and inventory, each read from its own URL. */
export async function dashboard(client: NaiveClient, pageSize: number): Promise<Json[]> {
  const page = await client.get(`/api/v2/workflow_jobs/?order_by=id&page=1&page_size=${pageSize}`);
  return Promise.all(
    page.results.map(async (job: Json) => {
      const get = (url?: string) => (url ? client.get(url) : Promise.resolve(null));
      const inventoryUrl = job.inventory ? `/api/v2/inventories/${job.inventory}/` : undefined;
      const [creator, template, inventory] = await Promise.all([get(job.related.created_by), get(job.related.workflow_job_template), get(inventoryUrl)]);
      return { id: job.id, email: creator?.email, modified: template?.modified, totalHosts: inventory?.total_hosts };
    }),
  );
}

/** Node graphs: each job's nodes, each node's job and its success nodes, by their URLs. */
export async function nodeGraphs(client: NaiveClient, pageSize: number): Promise<Json[]> {
  const page = await client.get(`/api/v2/workflow_jobs/?order_by=id&page=1&page_size=${pageSize}`);
  return Promise.all(
    page.results.map(async (job: Json) => {
      const nodes = await client.get(`${job.related.workflow_nodes}?page_size=200`);
      return Promise.all(
        nodes.results.map(async (node: Json) => {
          const [spawned, children] = await Promise.all([
            node.related.job ? client.get(node.related.job) : null,
            client.get(node.related.success_nodes),
          ]);
          return { identifier: node.identifier, job: spawned && { type: spawned.type, status: spawned.status }, success: children.results.map((c: Json) => c.identifier) };
        }),
      );
    }),
  );
}

/** The S2 dashboard page the naive way: each job's template, creator, inventory and labels, by their URLs. */
export async function dashboardPage(client: NaiveClient, pageSize: number): Promise<Json[]> {
  const page = await client.get(`/api/v2/workflow_jobs/?order_by=id&page=1&page_size=${pageSize}`);
  return Promise.all(
    page.results.map(async (job: Json) => {
      const get = (url?: string) => (url ? client.get(url) : Promise.resolve(null));
      const inventoryUrl = job.inventory ? `/api/v2/inventories/${job.inventory}/` : undefined;
      const [template, creator, inventory, labels] = await Promise.all([
        get(job.related.workflow_job_template), get(job.related.created_by), get(inventoryUrl), get(job.related.labels),
      ]);
      return {
        id: job.id, name: job.name, status: job.status,
        template: template && { name: template.name, modified: template.modified },
        creator: creator && { username: creator.username, email: creator.email },
        inventory: inventory && { name: inventory.name, totalHosts: inventory.total_hosts },
        labels: labels?.results.map((l: Json) => l.name) ?? [],
      };
    }),
  );
}

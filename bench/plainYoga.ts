/**
 * The plain Yoga baseline of issue 15: `createYoga` over `makeExecutableSchema` with Yoga's defaults and no
 * plugins, answering exactly the S1 query (bench/scenarios.ts) with the same JSON as the gateway, from one
 * undici request per job. What the gateway's fixed cost per request is measured against: the same framework
 * with nothing added. Run as its own process (like bench/proxy.ts); prints its URL as one JSON line.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createYoga } from 'graphql-yoga';
import { Pool } from 'undici';

type Json = Record<string, any>;

// tsx (which loads this file) turns source maps on; a production server runs without them.
process.setSourceMapsEnabled(false);

const upstream = process.env.UPSTREAM_URL;
if (!upstream) throw new Error('UPSTREAM_URL must be set, got nothing');
const pool = new Pool(upstream, { connections: Number(process.env.PROXY_CONNECTIONS ?? 64) });

/** The fields S1 selects, typed as the gateway types them (`id: ID`, `status: JobStatus`). */
const typeDefs = /* GraphQL */ `
  type Query { workflowJob(id: ID!): WorkflowJob }
  enum JobStatus { NEW PENDING WAITING RUNNING SUCCESSFUL FAILED ERROR CANCELED }
  type LaunchedBy { id: ID name: String type: String url: String }
  type ObjectSummary { id: ID name: String description: String }
  type SummaryFields { workflowJobTemplate: ObjectSummary }
  type WorkflowJob {
    id: ID!
    name: String
    status: JobStatus
    failed: Boolean
    started: String
    finished: String
    elapsed: Float
    launchedBy: LaunchedBy!
    summaryFields: SummaryFields
  }
`;

/** GET one AWX workflow job with the caller's credentials; the body is always consumed. */
async function workflowJob(id: string, authorization: string): Promise<Json> {
  const response = await pool.request({ path: `/api/v2/workflow_jobs/${encodeURIComponent(id)}/`, method: 'GET', headers: { authorization } });
  const body = (await response.body.json()) as Json;
  if (response.statusCode !== 200) throw new Error(`AWX answered ${response.statusCode}`);
  return body;
}

const resolvers = {
  Query: {
    workflowJob: (_root: unknown, { id }: { id: string }, { request }: { request: Request }) => workflowJob(id, request.headers.get('authorization') ?? ''),
  },
  // AWX's lowercase statuses are the enum's internal values, as the gateway maps them.
  JobStatus: { NEW: 'new', PENDING: 'pending', WAITING: 'waiting', RUNNING: 'running', SUCCESSFUL: 'successful', FAILED: 'failed', ERROR: 'error', CANCELED: 'canceled' },
  WorkflowJob: {
    launchedBy: (job: Json) => job.launched_by ?? {},
    summaryFields: (job: Json) => job.summary_fields ?? {},
  },
  SummaryFields: { workflowJobTemplate: (summary: Json) => summary.workflow_job_template ?? null },
};

const yoga = createYoga({ schema: makeExecutableSchema({ typeDefs, resolvers }) });
const server = createServer(yoga);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` })}\n`);
});
process.once('SIGTERM', () => server.close(() => void pool.close().then(() => process.exit(0))));

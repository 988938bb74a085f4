/** A second, test-only subgraph: "deployments" that reference AWX workflow jobs by key and add a field to them. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { buildSubgraph, subgraphPlugins } from '../../src/subgraph.js';

export const DEPLOYMENTS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  "A deployment some automation performed, as another team's service records it."
  type Deployment {
    id: ID!
    environment: String!
    "The AWX workflow job that performed it."
    workflowJob: WorkflowJob!
  }

  type WorkflowJob @key(fields: "id") {
    id: ID!
    "Deployments this workflow job performed."
    deployments: [Deployment!]!
  }

  type Query {
    deployments: [Deployment!]!
  }
`;

/** Deployments of the demo data's workflow jobs 1, 2 and 3 (job 2 deployed twice). */
export const DEPLOYMENTS = [
  { id: 'd1', environment: 'staging', jobId: '1' },
  { id: 'd2', environment: 'production', jobId: '2' },
  { id: 'd3', environment: 'production', jobId: '3' },
  { id: 'd4', environment: 'staging', jobId: '2' },
];

type Deployment = (typeof DEPLOYMENTS)[number];

const resolvers = {
  Query: { deployments: () => DEPLOYMENTS },
  Deployment: { workflowJob: (d: Deployment) => ({ __typename: 'WorkflowJob', id: d.jobId }) },
  WorkflowJob: {
    __resolveReference: (ref: { id: string }) => ref,
    deployments: (job: { id: string }) => DEPLOYMENTS.filter((d) => d.jobId === job.id),
  },
};

/** Starts the deployments subgraph on a loopback port, built by the same code as the AWX subgraph. */
export async function startDeployments(): Promise<{ url: string; server: Server }> {
  const yoga = createYoga({ schema: buildSubgraph(parse(DEPLOYMENTS_SDL), resolvers), graphqlEndpoint: '/graphql', plugins: subgraphPlugins(), logging: false });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

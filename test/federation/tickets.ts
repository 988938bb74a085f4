/**
 * A second, test-only subgraph: "change tickets" that another team keeps for AWX jobs of any kind. It adds a
 * field to every kind of unified job at once with `@interfaceObject`, and lists jobs by id alone.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { buildSubgraph, subgraphPlugins } from '../../src/subgraph.js';

export const TICKETS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@interfaceObject"])

  "Any AWX job, as this subgraph sees it: an id, and the change ticket it ran under."
  type UnifiedJob @key(fields: "id") @interfaceObject {
    id: ID!
    "The change ticket the job ran under; null when none was filed."
    changeTicket: String
  }

  type Query {
    "Jobs that ran under a change ticket, of whatever kind (the AWX subgraph knows which)."
    ticketedJobs: [UnifiedJob!]!
  }
`;

/** One change ticket: the AWX job it covers and its number. */
export interface Ticket {
  jobId: string;
  number: string;
}

/** The running subgraph, and the GraphQL requests it received (query and variables), oldest first. */
export interface TicketsSubgraph {
  url: string;
  server: Server;
  received: { query: string; variables?: Record<string, unknown> }[];
}

/** Starts the tickets subgraph on a loopback port with these tickets, built by the same code as the AWX subgraph. */
export async function startTickets(tickets: readonly Ticket[]): Promise<TicketsSubgraph> {
  const received: TicketsSubgraph['received'] = [];
  const resolvers = {
    Query: { ticketedJobs: () => tickets.map((ticket) => ({ id: ticket.jobId })) },
    UnifiedJob: {
      __resolveReference: (ref: { id: string }) => ref,
      changeTicket: (job: { id: string }) => tickets.find((ticket) => ticket.jobId === job.id)?.number ?? null,
    },
  };
  const record: Plugin = { onParams: ({ params }) => void received.push({ query: params.query ?? '', variables: params.variables }) };
  const yoga = createYoga({ schema: buildSubgraph(parse(TICKETS_SDL), resolvers), graphqlEndpoint: '/graphql', plugins: [...subgraphPlugins(), record], logging: false });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server, received };
}

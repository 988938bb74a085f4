/**
 * Federated tracing (ftv1): a supergraph router that asks with `apollo-federation-include-trace: ftv1` gets a
 * trace of every field resolved; a request that does not ask gets none, and runs on the schema without the
 * trace's per-field wrappers (src/subgraph.ts `useUntracedExecution`).
 */
import { Trace } from '@apollo/usage-reporting-protobuf';
import { describe, expect, it } from 'vitest';
import { useTestGateway } from './gateway.js';

const QUERY = '{ workflowJob(id: 1) { id name status related { createdBy { username } } } }';
const TRACE = { 'apollo-federation-include-trace': 'ftv1' };

/** Every response path a trace holds a node for, e.g. `workflowJob.related.createdBy.username`. */
function tracedPaths(ftv1: string): string[] {
  const trace = Trace.decode(Buffer.from(ftv1, 'base64'));
  const paths: string[] = [];
  const walk = (node: Trace.INode, prefix: string[]) => {
    for (const child of node.child ?? []) {
      const path = [...prefix, child.responseName ?? String(child.index)];
      paths.push(path.join('.'));
      walk(child, path);
    }
  };
  walk(trace.root!, []);
  return paths;
}

describe('federated tracing', () => {
  const gw = useTestGateway();

  it('traces every field resolved when the router asks for ftv1', async () => {
    const { body } = await gw.gql(QUERY, undefined, undefined, TRACE);
    expect(body.errors).toBeUndefined();
    const ftv1 = (body as { extensions?: { ftv1?: string } }).extensions?.ftv1;
    expect(typeof ftv1).toBe('string');
    expect(tracedPaths(ftv1!)).toEqual(expect.arrayContaining(['workflowJob', 'workflowJob.name', 'workflowJob.related.createdBy.username']));
  });

  it('answers the same data without a trace when none is asked for, traced and untraced requests side by side', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => gw.gql(QUERY, undefined, undefined, i % 2 ? TRACE : {})));
    answers.forEach(({ body }, i) => {
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual(answers[0]!.body.data);
      const ftv1 = (body as { extensions?: { ftv1?: string } }).extensions?.ftv1;
      if (i % 2) expect(tracedPaths(ftv1!)).toContain('workflowJob.related.createdBy.username');
      else expect(ftv1).toBeUndefined();
    });
  });
});

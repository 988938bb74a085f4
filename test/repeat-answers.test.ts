/** AWX's answers repeated byte for byte are parsed once: never stale, never another credential's, never changed by a reader. */
import { beforeEach, describe, expect, it } from 'vitest';
import { RepeatAnswers } from '../src/awx/repeatAnswers.js';
import { ALICE, useTestGateway } from './gateway.js';

/** A JSON body of about `size` bytes (over the 1 KiB kept at least), its `name` set. */
function body(name: string, size = 8_000): Buffer {
  return Buffer.from(JSON.stringify({ name, results: [{ id: 1, summary_fields: { pad: 'x'.repeat(size) } }] }));
}

/** What one answer kept at `key` counts against the budget. */
function heldFor(key: string, bytes: Buffer): number {
  const answers = new RepeatAnswers();
  answers.parse(key, bytes);
  return answers.heldBytes;
}

describe('repeated answers', () => {
  it('parses an answer until it repeats, then hands every read of the same bytes one frozen document', () => {
    const answers = new RepeatAnswers();
    const first = answers.parse('k /jobs', body('a')) as { name: string; results: object[] };
    expect(Object.isFrozen(first)).toBe(false); // seen once: the reader's own
    const second = answers.parse('k /jobs', body('a')) as { name: string; results: object[] };
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect([Object.isFrozen(second), Object.isFrozen(second.results), Object.isFrozen(second.results[0])]).toEqual([true, true, true]);
    expect(answers.parse('k /jobs', body('a'))).toBe(second);
    expect(() => {
      second.name = 'changed'; // a module is strict: writing to a frozen object throws
    }).toThrow(TypeError);
  });

  it('parses afresh as soon as one byte differs, and keeps the new bytes instead', () => {
    const answers = new RepeatAnswers();
    answers.parse('k /jobs', body('a'));
    const kept = answers.parse('k /jobs', body('a'));
    const changed = answers.parse('k /jobs', body('b')) as { name: string };
    expect(changed.name).toBe('b');
    expect(Object.isFrozen(changed)).toBe(false);
    expect(answers.parse('k /jobs', body('a'))).not.toBe(kept); // the old bytes were dropped with their document
    expect(answers.heldBytes).toBe(heldFor('k /jobs', body('a')));
    expect(answers.heldBytes).toBeGreaterThan(body('a').length);
  });

  it('tells a read the bytes last answered at its key, so a repeat arriving is compared, not copied', () => {
    const answers = new RepeatAnswers();
    expect(answers.lastAnswer('k /jobs')).toBeUndefined();
    const first = body('a');
    answers.parse('k /jobs', first);
    // The bytes themselves, or a copy of them where Node cut the body from a shared slab (under half its pool size).
    const kept = answers.lastAnswer('k /jobs')!;
    expect(kept.equals(first)).toBe(true);
    expect(answers.lastAnswer('k /other')).toBeUndefined();
    // The reader hands those very bytes back when they repeat: still one document, and still those bytes kept.
    const document = answers.parse('k /jobs', first);
    expect(answers.parse('k /jobs', kept)).toBe(document);
    expect(answers.lastAnswer('k /jobs')).toBe(kept);
    answers.parse('k /jobs', body('b'));
    expect(answers.lastAnswer('k /jobs')!.equals(body('b'))).toBe(true);
  });

  it('keeps answers per key: another credential or another path parses its own', () => {
    const answers = new RepeatAnswers();
    for (const key of ['alice /jobs', 'alice /jobs']) answers.parse(key, body('a'));
    const alices = answers.parse('alice /jobs', body('a'));
    expect(answers.parse('bob /jobs', body('a'))).not.toBe(alices);
    expect(answers.parse('alice /templates', body('a'))).not.toBe(alices);
    expect(answers.heldBytes).toBe(heldFor('alice /jobs', body('a')) + heldFor('bob /jobs', body('a')) + heldFor('alice /templates', body('a')));
  });

  it('keeps a job detail of 2 KB in bytes of its own: what happens to the buffer it came in changes nothing', () => {
    const answers = new RepeatAnswers();
    const detail = () => body('detail', 1_900);
    const arrived = detail();
    answers.parse('k /jobs/1', arrived);
    arrived.fill(0x20); // the buffer AWX's answer came in, reused for something else
    const kept = answers.parse('k /jobs/1', detail());
    expect(Object.isFrozen(kept)).toBe(true);
    expect(answers.parse('k /jobs/1', detail())).toBe(kept);
    expect(answers.heldBytes).toBeLessThan(detail().length + 400);
  });

  it('keeps no answer under 1 KiB or over a quarter of its budget, and drops the least recently read past its budget', () => {
    const answers = new RepeatAnswers(40_000);
    answers.parse('small', body('a', 100));
    answers.parse('large', body('a', 11_000));
    expect(answers.heldBytes).toBe(0);
    for (const key of ['1', '2', '3', '4']) answers.parse(key, body(key));
    answers.parse('1', body('1')); // read again: now the most recent
    answers.parse('5', body('5'));
    expect(answers.heldBytes).toBeLessThanOrEqual(40_000);
    const twice = (key: string) => answers.parse(key, body(key)) === answers.parse(key, body(key));
    expect(twice('1')).toBe(true);
    expect(twice('5')).toBe(true);
    const fresh = new RepeatAnswers(40_000);
    for (const key of ['1', '2', '3', '4', '1', '5']) fresh.parse(key, body(key));
    expect(Object.isFrozen(fresh.parse('2', body('2')))).toBe(false); // '2' was the one dropped: seen anew
  });

  it('keeps nothing of a body that is not JSON', () => {
    const answers = new RepeatAnswers();
    const broken = Buffer.concat([body('a'), Buffer.from('}')]);
    expect(() => answers.parse('k', broken)).toThrow(SyntaxError);
    expect(() => answers.parse('k', broken)).toThrow(SyntaxError);
    expect(answers.heldBytes).toBe(0);
  });
});

describe('a dashboard asked again', () => {
  const gw = useTestGateway({}, { clearRequests: false });
  beforeEach(() => gw.demo.clearRequests());
  const DASHBOARD = '{ workflowJobs(first: 20) { nodes { id name status related { workflowJobTemplate { name modified } createdBy { username email } labels { nodes { name } } } } } }';

  it('asks AWX every time and answers the same, then the change AWX makes at once', async () => {
    await gw.gql(DASHBOARD); // the API's layout found, and every answer seen once
    gw.demo.clearRequests();
    const answers: Record<string, any>[] = [];
    for (let i = 0; i < 3; i++) {
      const { body } = await gw.gql(DASHBOARD);
      expect(body.errors).toBeUndefined();
      answers.push(body.data!);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const calls = gw.upstreamPaths().length;
    expect(calls % 3).toBe(0); // every query read AWX: nothing is answered from memory
    expect(gw.transport.answers!.heldBytes).toBeGreaterThan(0);
    const template = gw.demo.data.collections.workflow_job_templates.find((t) => t.name === answers[0]!.workflowJobs.nodes[0].related.workflowJobTemplate.name)!;
    const name = template.name;
    template.name = `${String(name)} (renamed)`;
    try {
      const { body } = await gw.gql(DASHBOARD);
      expect(body.data!.workflowJobs.nodes[0].related.workflowJobTemplate.name).toBe(`${String(name)} (renamed)`);
      expect(gw.upstreamPaths().length).toBe(calls + calls / 3);
    } finally {
      template.name = name;
    }
  });

  it("gives each credential AWX's answer to that credential, however often the other asked", async () => {
    const byAdmin: unknown[] = [];
    const byAlice: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      byAdmin.push((await gw.gql(DASHBOARD)).body.data);
      byAlice.push((await gw.gql(DASHBOARD, {}, ALICE)).body.data);
    }
    expect(byAdmin[2]).toEqual(byAdmin[0]);
    expect(byAlice[2]).toEqual(byAlice[0]);
    expect(byAlice[0]).not.toEqual(byAdmin[0]);
  });

  it('resolves federation entities read again, each marked with its type on a copy of its own', async () => {
    const representations = [1, 2, 3, 4, 5].map((id) => `{ __typename: "WorkflowJob", id: "${id}" }`).join(', ');
    const query = `{ _entities(representations: [${representations}]) { __typename ... on WorkflowJob { id name } } }`;
    const answers: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const { body } = await gw.gql(query);
      expect(body.errors).toBeUndefined();
      answers.push(body.data);
    }
    expect((answers[0] as { _entities: unknown[] })._entities).toHaveLength(5);
    expect(answers[2]).toEqual(answers[0]);
  });
});

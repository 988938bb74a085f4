/** Hostile GraphQL documents: deep nesting, alias floods, fragment cycles and bombs, unknown fields, bad variables, huge strings. */
import { EXAMPLE_QUERY } from '../../src/example-query.js';
import { post, prng, type HostileRequest } from './request.js';

const times = (n: number, make: (i: number) => string, sep = ' ') => Array.from({ length: n }, (_, i) => make(i)).join(sep);

function deepNesting(): HostileRequest[] {
  const out: HostileRequest[] = [];
  for (let levels = 1; levels <= 40; levels++) {
    const chain = (open: string, leaf: string) => `${open.repeat(levels)}${leaf}${' }'.repeat(levels)}`;
    out.push(post(`depth: sourceWorkflowJob x${levels}`, `{ workflowJob(id: 1) { ${chain('related { sourceWorkflowJob { ', 'id }')} } }`));
    out.push(post(`depth: successNodes x${levels}`, `{ workflowJobNode(id: 1) { ${chain('successNodes { ', 'id')} } }`));
    out.push(post(`depth: bare braces x${levels * 25}`, `${'{'.repeat(levels * 25)}${'}'.repeat(levels * 25)}`));
  }
  out.push(post('depth: 5000 open braces', '{'.repeat(5000)));
  out.push(post('depth: ofType x60', `{ __type(name: "Query") { fields { type { ${'ofType { '.repeat(60)}name${' }'.repeat(60)} } } } }`));
  out.push(post('depth: introspection fields x8', `{ __schema { types { ${'fields { type { '.repeat(8)}name${' } }'.repeat(8)} } } }`));
  return out;
}

function aliasFloods(): HostileRequest[] {
  const out: HostileRequest[] = [];
  for (const n of [16, 29, 30, 31, 50, 100, 250, 1000, 5000]) {
    out.push(post(`aliases: ${n} workflowJob`, `{ ${times(n, (i) => `a${i}: workflowJob(id: ${(i % 5) + 1}) { id }`)} }`));
    out.push(post(`aliases: ${n} __typename`, `{ ${times(n, (i) => `t${i}: __typename`)} }`));
    out.push(post(`aliases: ${n} workflowJobs(first: 200)`, `{ ${times(n, (i) => `p${i}: workflowJobs(first: 200) { nodes { id } }`)} }`));
  }
  out.push(post('aliases: same alias, different args', `{ ${times(20, (i) => `x: workflowJob(id: ${i + 1}) { id }`)} }`));
  return out;
}

function fragments(): HostileRequest[] {
  const bomb = (n: number) => `query { workflowJob(id: 1) { ...F0 } } ${times(n, (i) => `fragment F${i} on WorkflowJob { id a: related { b: createdBy { id } } ...F${i + 1} ...F${i + 1} }`)} fragment F${n} on WorkflowJob { id }`;
  const out = [
    post('fragments: self cycle', '{ workflowJob(id: 1) { ...A } } fragment A on WorkflowJob { id ...A }'),
    post('fragments: mutual cycle', '{ workflowJob(id: 1) { ...A } } fragment A on WorkflowJob { ...B } fragment B on WorkflowJob { ...A }'),
    post('fragments: long cycle', `{ workflowJob(id: 1) { ...F0 } } ${times(50, (i) => `fragment F${i} on WorkflowJob { id ...F${(i + 1) % 50} }`)}`),
    post('fragments: unknown fragment', '{ workflowJob(id: 1) { ...Missing } }'),
    post('fragments: unknown type condition', '{ workflowJob(id: 1) { ...A } } fragment A on Nope { id }'),
    post('fragments: inline on wrong type', '{ workflowJob(id: 1) { ... on User { username } } }'),
    post('fragments: unused fragment', '{ __typename } fragment A on WorkflowJob { id }'),
    post('fragments: duplicate names', '{ workflowJob(id: 1) { ...A } } fragment A on WorkflowJob { id } fragment A on WorkflowJob { name }'),
  ];
  for (const n of [5, 10, 20, 30, 60]) out.push(post(`fragments: spread bomb 2^${n}`, bomb(n)));
  return out;
}

function unknownFields(): HostileRequest[] {
  const names = ['password', 'constructor', '__proto__', 'toString', 'prototype', 'secret', 'token', 'users', 'api', 'a'.repeat(5000)];
  const out: HostileRequest[] = [];
  for (const name of names) {
    out.push(post(`unknown: Query.${name.slice(0, 20)}`, `{ ${name} }`));
    out.push(post(`unknown: WorkflowJob.${name.slice(0, 20)}`, `{ workflowJob(id: 1) { id ${name} } }`));
    out.push(post(`unknown: argument ${name.slice(0, 20)}`, `{ workflowJob(id: 1, ${name}: 1) { id } }`));
  }
  out.push(post('unknown: mutation', 'mutation { launch(id: 1) }'), post('unknown: subscription', 'subscription { jobs { id } }'));
  out.push(post('unknown: operation name', '{ __typename }', undefined, { operationName: 'Nope' }));
  out.push(post('unknown: two anonymous operations', '{ __typename } { __typename }'));
  return out;
}

/** Variables of the wrong type (or shape) for each argument kind. */
function badVariables(): HostileRequest[] {
  const values: unknown[] = ['abc', '1', 1.5, -1, 201, 1e300, 2 ** 31, -(2 ** 31) - 1, true, null, {}, [], [1, 2], { id: 1 }, '', 'NaN', '٣'];
  const queries: Record<string, string> = {
    first: 'query($v: Int) { workflowJobs(first: $v) { nodes { id } } }',
    id: 'query($v: ID!) { workflowJob(id: $v) { id } }',
    filter: 'query($v: WorkflowJobFilter) { workflowJobs(filter: $v, first: 2) { nodes { id } } }',
    orderBy: 'query($v: [WorkflowJobOrder!]) { workflowJobs(orderBy: $v, first: 2) { nodes { id } } }',
    after: 'query($v: String) { workflowJobs(after: $v, first: 2) { nodes { id } } }',
    status: 'query($v: [JobStatus!]) { workflowJobs(filter: { status: $v }, first: 2) { nodes { id } } }',
    date: 'query($v: DateTime) { workflowJobs(filter: { createdAfter: $v }, first: 2) { nodes { id } } }',
  };
  const out: HostileRequest[] = [];
  for (const [arg, query] of Object.entries(queries)) {
    values.forEach((v, i) => out.push(post(`variables: ${arg} #${i}`, query, { v })));
    out.push(post(`variables: ${arg} as a string`, query, JSON.stringify({ v: 1 })), post(`variables: ${arg} as an array`, query, [1]));
  }
  out.push(post('variables: undeclared', '{ workflowJob(id: $x) { id } }', { x: 1 }));
  out.push(post('variables: declared twice', 'query($x: ID!, $x: ID!) { workflowJob(id: $x) { id } }', { x: 1 }));
  return out;
}

function hugeStrings(): HostileRequest[] {
  const out: HostileRequest[] = [];
  for (const size of [1_000, 10_000, 30_000, 100_000, 1_000_000]) {
    const big = 'x'.repeat(size);
    out.push(post(`huge: literal search ${size}`, `{ workflowJobs(search: "${big}", first: 1) { nodes { id } } }`));
    out.push(post(`huge: variable search ${size}`, 'query($s: String) { workflowJobs(search: $s, first: 1) { nodes { id } } }', { s: big }));
    out.push(post(`huge: variable nameContains ${size}`, 'query($s: String) { workflowJobs(filter: { nameContains: $s }, first: 1) { nodes { id } } }', { s: big }));
    out.push(post(`huge: workflowJob search ${size}`, 'query($s: String) { workflowJob(id: 1, search: $s) { id } }', { s: big }));
    out.push(post(`huge: comment ${size}`, `# ${big}\n{ __typename }`));
    out.push(post(`huge: operation name ${size}`, `query Q${big} { __typename }`, undefined, { operationName: `Q${big}` }));
  }
  out.push(post('huge: 10,000 variables', '{ __typename }', Object.fromEntries(times(10_000, (i) => `v${i}`, ',').split(',').map((k) => [k, k]))));
  return out;
}

/** Valid queries with a few bytes deleted, duplicated or replaced: a parser and validator fuzz. */
function mutations(): HostileRequest[] {
  const random = prng(20261128);
  const seeds = [EXAMPLE_QUERY, '{ workflowJobs(first: 3, filter: { status: [FAILED], nameContains: "deploy" }) { nodes { id name } } }'];
  const junk = '{}()[]:$@!."\\\n#,=&?%\u0000\u202e\ud83d\ude00';
  const out: HostileRequest[] = [];
  for (let i = 0; i < 200; i++) {
    const chars = [...seeds[i % seeds.length]!];
    for (let edits = 1 + Math.floor(random() * 4); edits > 0; edits--) {
      const at = Math.floor(random() * chars.length);
      const op = random();
      if (op < 0.4) chars.splice(at, 1);
      else if (op < 0.7) chars.splice(at, 0, chars[at] ?? '{');
      else chars[at] = junk[Math.floor(random() * junk.length)]!;
    }
    out.push(post(`mutation: #${i}`, chars.join('')));
  }
  return out;
}

/** The hostile documents, sent as ordinary JSON POSTs. */
export function queryRequests(): HostileRequest[] {
  return [...deepNesting(), ...aliasFloods(), ...fragments(), ...unknownFields(), ...badVariables(), ...hugeStrings(), ...mutations()];
}

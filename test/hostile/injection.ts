/** Ids and filter text crafted to escape into AWX paths or query strings. */
import { post, type HostileRequest } from './request.js';

/** Ids that must never reach AWX as anything but a positive decimal integer. */
export const HOSTILE_IDS: string[] = [
  '1/../users', '1/../../users/1', '1?x=y', '1?page_size=100000', '%2e%2e', '%2e%2e%2fusers', '..', '../', '1;DROP TABLE jobs',
  "1' OR '1'='1", '1#frag', '1%00', '1\u0000', '1\n2', '1\r\nX-Injected: 1', ' 1', '1 ', '+1', '-1', '0', '00', '01', '1.0', '1e3',
  '0x10', '١٢٣', '１２', '²', 'Ⅻ', '1\u200b', '2147483648', '9007199254740993', '99999999999999999999999', '', 'null', 'undefined',
  'NaN', 'Infinity', '[1]', '{"id":1}', 'users', '1,2', '1&id__in=2', 'http://evil.example/', '//evil.example', '\\..\\',
];

/** Query fields that take one `id: ID!`. */
const BY_ID = [
  'workflowJob', 'workflowJobNode', 'workflowJobTemplate', 'jobTemplate', 'user', 'job', 'label', 'organization',
  'inventory', 'credential', 'project', 'schedule', 'notification', 'activityStreamEntry', 'systemJob', 'adHocCommand',
];

function idRequests(): HostileRequest[] {
  const out: HostileRequest[] = [];
  HOSTILE_IDS.forEach((id, i) => {
    for (const field of BY_ID) {
      out.push(post(`id: ${field} variable #${i}`, `query($id: ID!) { ${field}(id: $id) { __typename } }`, { id }));
    }
    out.push(post(`id: inline literal #${i}`, `{ workflowJob(id: ${JSON.stringify(id)}) { id } user(id: ${JSON.stringify(id)}) { id } }`));
    out.push(post(`id: filter id #${i}`, 'query($ids: [ID!]) { workflowJobs(filter: { id: $ids }) { nodes { id } } }', { ids: [id, '1'] }));
    out.push(post(`id: template filter #${i}`, 'query($ids: [ID!]) { workflowJobs(filter: { workflowJobTemplateId: $ids }) { nodes { id } } }', { ids: [id] }));
    out.push(post(`id: _entities #${i}`, 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on WorkflowJob { id } ... on User { id } } }', {
      r: [{ __typename: 'WorkflowJob', id }, { __typename: 'User', id }, { __typename: 'Nope', id }],
    }));
  });
  out.push(post('id: numeric JSON id', 'query($id: ID!) { workflowJob(id: $id) { id } }', { id: 1 }));
  out.push(post('id: float JSON id', 'query($id: ID!) { workflowJob(id: $id) { id } }', { id: 1.5 }));
  out.push(post('id: _entities without id', 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [{ __typename: 'WorkflowJob' }, {}, null, 'x'] }));
  return out;
}

/** Free text that would add, replace or cut AWX query parameters if it were pasted into a URL. */
export const HOSTILE_TEXT: string[] = [
  'x&order_by=password', 'x&page_size=100000', '&', '&&&', '#', 'x#fragment', 'a\nb', 'a\r\nb', '%', '%26order_by%3Dpassword', '%zz',
  '=', '?', '?x=y', '/', '../..', 'name__icontains=x', ';', '\u0000', '\ud800', '😀', 'ä', '\u202eevil', '+', ' ', '', 'a'.repeat(300),
  "' OR 1=1 --", '<script>alert(1)</script>', '{{7*7}}', '$ne', '*',
];

function filterRequests(): HostileRequest[] {
  const out: HostileRequest[] = [];
  HOSTILE_TEXT.forEach((text, i) => {
    out.push(post(`filter: search #${i}`, 'query($s: String) { workflowJobs(search: $s, first: 2) { nodes { id } } }', { s: text }));
    out.push(post(`filter: nameContains #${i}`, 'query($s: String) { workflowJobs(filter: { nameContains: $s }, first: 2) { nodes { id } } }', { s: text }));
    out.push(post(`filter: name #${i}`, 'query($s: String) { workflowJobs(filter: { name: $s }, first: 2) { nodes { id } } }', { s: text }));
    out.push(post(`filter: workflowJob search #${i}`, 'query($s: String) { workflowJob(id: 1, search: $s) { id } }', { s: text }));
    out.push(post(`filter: node identifier #${i}`, 'query($s: String) { workflowJob(id: 1) { related { workflowNodes(filter: { identifier: $s }) { nodes { id } } } } }', { s: text }));
    out.push(post(`filter: date #${i}`, 'query($s: DateTime) { workflowJobs(filter: { createdAfter: $s }, first: 2) { nodes { id } } }', { s: `2024-01-01T00:00:00Z${text}` }));
    out.push(post(`filter: cursor #${i}`, 'query($s: String) { workflowJobs(after: $s, first: 2) { nodes { id } } }', { s: text }));
    out.push(post(`filter: inline search #${i}`, `{ workflowJobs(search: ${JSON.stringify(text)}, first: 2) { nodes { id } } }`));
  });
  out.push(post('filter: enum injection', '{ workflowJobs(filter: { status: [FAILED, password] }) { nodes { id } } }'));
  out.push(post('filter: orderBy as string', '{ workflowJobs(orderBy: [{ field: "password" }]) { nodes { id } } }'));
  out.push(post('filter: every filter at once', `{ workflowJobs(search: "a&b", filter: { status: [FAILED], launchType: [MANUAL], failed: true, name: "x#y",
    nameContains: "x&order_by=password", id: ["1"], workflowJobTemplateId: ["2"], createdAfter: "2024-01-01T00:00:00Z",
    createdBefore: "2030-01-01T00:00:00Z", startedAfter: "2024-01-01T00:00:00Z", finishedBefore: "2030-01-01T00:00:00Z" },
    orderBy: [{ field: NAME, direction: DESC }], first: 5) { nodes { id } } }`));
  return out;
}

/** Id and filter injection attempts. */
export function injectionRequests(): HostileRequest[] {
  return [...idRequests(), ...filterRequests()];
}

/** Hostile HTTP: invalid JSON, invalid UTF-8, odd content types, GET with weird parameters, batches, other methods. */
import { post, prng, raw, type HostileRequest } from './request.js';

const JSON_TYPE = 'application/json';
const QUERY = '{ workflowJob(id: 1) { id name } }';

function invalidJson(): HostileRequest[] {
  const bodies = [
    '', ' ', '{', '}', '[', ']', '{"query":', '{"query":"{ __typename }"', '{"query":"{ __typename }",}', "{'query':'{ __typename }'}",
    'null', 'true', '0', '-1', '1e999', '"{ __typename }"', '[]', '[null]', '[1,2,3]', '{}', '{"query":null}', '{"query":1}',
    '{"query":true}', '{"query":[]}', '{"query":{}}', '{"query":"{ __typename }","variables":"x"}', '{"query":"{ __typename }","variables":[]}',
    '{"query":"{ __typename }","variables":1}', '{"query":"{ __typename }","operationName":1}', '{"query":"{ __typename }","extensions":"x"}',
    '{"query":"{ __typename }","extra":1}', '{"query":"{ __typename }","__proto__":{"polluted":1}}', '{"query":"{ __typename }","constructor":{"prototype":{}}}',
    '{"query":"{ __typename }"}garbage', '\ufeff{"query":"{ __typename }"}', '{"query":"\\u0000"}', '{"query":"\\ud800"}', '{"query":"\\x41"}',
    '{"query":"{ __typename }"}{"query":"{ __typename }"}', 'NaN', 'Infinity', 'undefined', '{"query":"{ __typename }"', '\u0000\u0000',
    `${'['.repeat(10_000)}${']'.repeat(10_000)}`, `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`, `{"query":"${'{'.repeat(20_000)}"}`,
  ];
  return bodies.map((body, i) => raw(`json: invalid #${i}`, JSON_TYPE, body));
}

/** Bytes that are not UTF-8, placed in the query, in variables, and as the whole body. */
function invalidUtf8(): HostileRequest[] {
  const sequences = [[0xff], [0xfe, 0xff], [0xc3, 0x28], [0xa0, 0xa1], [0xe2, 0x28, 0xa1], [0xf0, 0x28, 0x8c, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80]];
  const out: HostileRequest[] = [];
  const encoder = new TextEncoder();
  const splice = (before: string, bytes: number[], after: string) => new Uint8Array([...encoder.encode(before), ...bytes, ...encoder.encode(after)]);
  sequences.forEach((bytes, i) => {
    out.push(raw(`utf8: in query #${i}`, JSON_TYPE, splice('{"query":"{ workflowJob(id: 1) { id ', bytes, ' } }"}')));
    out.push(raw(`utf8: in string literal #${i}`, JSON_TYPE, splice('{"query":"{ workflowJobs(search: \\"', bytes, '\\", first: 1) { nodes { id } } }"}')));
    out.push(raw(`utf8: in variable #${i}`, JSON_TYPE, splice('{"query":"query($s: String) { workflowJobs(search: $s, first: 1) { nodes { id } } }","variables":{"s":"', bytes, '"}}')));
    out.push(raw(`utf8: in id variable #${i}`, JSON_TYPE, splice('{"query":"query($id: ID!) { workflowJob(id: $id) { id } }","variables":{"id":"1', bytes, '"}}')));
    out.push(raw(`utf8: whole body #${i}`, JSON_TYPE, new Uint8Array(bytes)));
    out.push(raw(`utf8: graphql body #${i}`, 'application/graphql', splice('{ workflowJob(id: 1) { id ', bytes, ' } }')));
  });
  const random = prng(7);
  for (let i = 0; i < 30; i++) {
    out.push(raw(`utf8: random bytes #${i}`, JSON_TYPE, Uint8Array.from({ length: 1 + Math.floor(random() * 400) }, () => Math.floor(random() * 256))));
  }
  return out;
}

function contentTypes(): HostileRequest[] {
  const body = JSON.stringify({ query: QUERY });
  const types = [
    undefined, '', 'text/plain', 'text/html', 'application/xml', 'application/octet-stream', 'application/graphql', 'application/graphql+json',
    'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/json;;;', 'application/jsonx', 'APPLICATION/JSON',
    'multipart/form-data', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'image/png', '*/*', 'json', 'application/',
  ];
  const out = types.map((type, i) => raw(`content-type: #${i} ${type ?? 'none'}`, type, body));
  out.push(raw('content-type: form with query', 'application/x-www-form-urlencoded', `query=${encodeURIComponent(QUERY)}&variables=%7Bx`));
  out.push(raw('content-type: broken multipart', 'multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":\r\n--b--'));
  out.push(raw('content-type: graphql body', 'application/graphql', QUERY));
  // text/event-stream and multipart/mixed are left out: Yoga answers them in those formats, as asked
  for (const accept of ['image/png', 'application/xml', 'text/plain', '', '*/*;q=0', 'application/graphql-response+json']) {
    out.push({ name: `accept: ${accept || 'empty'}`, method: 'POST', headers: { 'content-type': JSON_TYPE, accept }, body });
  }
  return out;
}

function getRequests(): HostileRequest[] {
  const q = encodeURIComponent(QUERY);
  const searches = [
    '', 'query=', `query=${q}&query=${q}`, 'query=%zz', 'query=%', 'query=%00', `query=${q}&variables=%7B`, `query=${q}&variables=x`,
    `query=${q}&variables=[]`, `query=${q}&operationName=Nope`, `query=${q}&extensions=%7Bbad`, `query=${encodeURIComponent('mutation { x }')}`,
    `query=${encodeURIComponent('{ workflowJob(id: "1/../users") { id } }')}`, `query=${q}&foo=bar`, 'variables={}', `query=${'%7B'.repeat(3000)}`,
    `query=${encodeURIComponent(`{ workflowJobs(search: "${'y'.repeat(12_000)}") { nodes { id } } }`)}`, `query[]=${q}`, `query=${q}&page_size=100000`,
    `query=${encodeURIComponent('query($id: ID!) { workflowJob(id: $id) { id } }')}&variables=${encodeURIComponent('{"id":"1?x=y"}')}`,
    `QUERY=${q}`, `query=${q}#frag`, `query=${q};x=y`, `query=${encodeURIComponent('{ __schema { types { name } } }')}`,
  ];
  return searches.map((search, i) => ({ name: `get: #${i}`, method: 'GET', search, headers: { accept: JSON_TYPE } }));
}

function batchesAndMethods(): HostileRequest[] {
  const one = { query: QUERY };
  const out: HostileRequest[] = [
    raw('batch: empty', JSON_TYPE, '[]'),
    raw('batch: one', JSON_TYPE, JSON.stringify([one])),
    raw('batch: 100', JSON_TYPE, JSON.stringify(Array.from({ length: 100 }, () => one))),
    raw('batch: nested', JSON_TYPE, JSON.stringify([[one]])),
    raw('batch: mixed junk', JSON_TYPE, JSON.stringify([one, null, 1, 'x', { query: 1 }])),
  ];
  for (const method of ['PUT', 'DELETE', 'PATCH']) out.push(raw(`method: ${method}`, JSON_TYPE, JSON.stringify(one), method));
  out.push(post('method: mutation over POST', 'mutation { __typename }'));
  return out;
}

/** Persisted requests (APQ hashes, documentIds) of every wrong shape, over POST and GET. */
function persistedRequests(): HostileRequest[] {
  const hash = 'a'.repeat(64);
  const ids: unknown[] = [1, true, {}, [], '', 'sha256:', `sha256:${hash}`, hash, 'x'.repeat(100_000), '../../etc/passwd', 'sha256:%00', '__proto__', 'constructor'];
  const extensions: unknown[] = [
    { persistedQuery: null }, { persistedQuery: 1 }, { persistedQuery: [] }, { persistedQuery: { version: '1', sha256Hash: hash } },
    { persistedQuery: { version: 1, sha256Hash: 7 } }, { persistedQuery: { version: 1, sha256Hash: hash.toUpperCase() } },
    { persistedQuery: { version: 1, sha256Hash: hash, __proto__: { x: 1 } } }, { persistedQuery: { version: 1, sha256Hash: `${hash}00` } },
  ];
  const out = ids.map((documentId, i) => post(`persisted: documentId #${i}`, undefined, undefined, { documentId }));
  out.push(...extensions.map((ext, i) => post(`persisted: hash only #${i}`, undefined, undefined, { extensions: ext })));
  out.push(...extensions.map((ext, i) => post(`persisted: hash and query #${i}`, QUERY, undefined, { extensions: ext })));
  out.push(post('persisted: documentId and hash', undefined, undefined, { documentId: `sha256:${hash}`, extensions: extensions[3] }));
  out.push(post('persisted: registration of a mutation', 'mutation { __typename }', undefined, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }));
  for (const search of ['documentId=', `documentId=sha256:${hash}`, 'documentId=%zz', `documentId=${hash}&query=${encodeURIComponent(QUERY)}`,
    `extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))}`]) {
    out.push({ name: `persisted: get ${search.slice(0, 30)}`, method: 'GET', search, headers: { accept: JSON_TYPE } });
  }
  return out;
}

/** The transport-level requests. */
export function transportRequests(): HostileRequest[] {
  return [...invalidJson(), ...invalidUtf8(), ...contentTypes(), ...getRequests(), ...batchesAndMethods(), ...persistedRequests()];
}

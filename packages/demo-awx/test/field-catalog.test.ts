/**
 * What the demo learns a field holds, which decides how a filter value is parsed (src/http/fields.ts): from the
 * first record with a value for it, and only for the fields a request names.
 */
import { describe, expect, it } from 'vitest';
import { catalogFields } from '../src/http/fields.js';
import type { ResourceSpec } from '../src/http/resources.js';
import type { AwxRecord, DemoData } from '../src/types.js';

const SPEC: ResourceSpec = {
  name: 'workflow_jobs', model: 'WorkflowJob', sources: ['workflow_jobs'], defaultOrder: ['id'],
  virtual: { created_by: { kind: 'fk', read: () => null }, organization: { kind: 'fk', read: () => null } },
};
const DATA = {} as DemoData;
const record = (fields: Record<string, unknown>) => ({ id: 1, type: 'workflow_job', ...fields }) as unknown as AwxRecord;

describe('the demo\'s field catalog', () => {
  it('takes a field\'s kind from the first record holding a value for it, null-only fields as text', () => {
    const catalog = catalogFields(SPEC, DATA, [
      record({ name: 'a', job_explanation: null, allow_simultaneous: null, elapsed: 1, labels: null, notes: null }),
      record({ name: 'b', job_explanation: 'web', allow_simultaneous: true, elapsed: 2.5, labels: [1], notes: null, extra: { a: 1 } }),
    ]);
    expect(['id', 'name', 'job_explanation', 'allow_simultaneous', 'elapsed', 'labels', 'notes', 'extra'].map(catalog.kind))
      .toEqual(['int', 'text', 'text', 'bool', 'number', 'm2m', 'text', 'json']);
  });

  it('knows foreign keys and datetimes by name, whatever they hold', () => {
    const catalog = catalogFields(SPEC, DATA, [record({ inventory: null, started: null, finished: '2026-01-01T00:00:00Z' })]);
    expect([catalog.kind('inventory'), catalog.kind('started'), catalog.kind('finished')]).toEqual(['fk', 'datetime', 'datetime']);
  });

  it('falls back to the virtual fields, and knows no serializer-only key, link or inherited name', () => {
    const catalog = catalogFields(SPEC, DATA, [record({ related: {}, summary_fields: {}, url: '/x/', created_by: 3 })]);
    expect(catalog.kind('organization')).toBe('fk'); // virtual: not a key of the records
    expect(catalog.kind('created_by')).toBe('fk'); // a key of the records wins (a foreign key either way)
    for (const name of ['related', 'summary_fields', 'url', 'nope', 'constructor', '__proto__', 'toString']) expect(catalog.kind(name)).toBeUndefined();
  });

  it('reads only the records a named field needs', () => {
    let reads = 0;
    const counted = Array.from({ length: 1_000 }, (_, i) => new Proxy(record({ id: i + 1, name: `j${i}` }), {
      getOwnPropertyDescriptor: (target, key) => (reads++, Reflect.getOwnPropertyDescriptor(target, key)),
      ownKeys: (target) => (reads++, Reflect.ownKeys(target)),
    }));
    const catalog = catalogFields(SPEC, DATA, counted);
    expect(catalog.kind('id')).toBe('int');
    expect(catalog.kind('id')).toBe('int');
    expect(reads).toBeLessThanOrEqual(2);
  });
});

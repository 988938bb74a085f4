import type { AwxRecord } from '../types.js';
import { noSuchField, resolveField, type FieldCatalog } from './fields.js';
import { compareValues, normalize } from './lookups.js';

/** `order_by=` / `order=` (OrderByBackend): comma list, `-` for descending, id ascending breaks ties. */

/** Sorts records in place and returns them. */
type Sorter = (records: AwxRecord[]) => AwxRecord[];

/** Builds the row order of a request; unknown fields give 400 ("<Model> has no field named 'x'"), forbidden ones 403. */
export function compileOrdering(catalog: FieldCatalog, query: URLSearchParams): Sorter {
  let raw: string | undefined;
  for (const [key, value] of query) if (key === 'order_by' || key === 'order') raw = value;
  const keys = raw === undefined ? catalog.spec.defaultOrder : raw.split(',').filter(Boolean);
  const steps = keys.map((key) => {
    const descending = key.startsWith('-');
    const parts = key.replace(/^-/, '').split('__');
    // DAB's _validate_ordering_fields reports get_field_from_path's FieldDoesNotExist as it is (order_backend.py).
    const field = resolveField(catalog, parts, noSuchField(catalog));
    return { descending, read: (record: AwxRecord) => normalize(field.kind, field.read(record)) };
  });
  return (records) => {
    // Read each sort key once per record: datetimes are parsed, which is too slow to do per comparison.
    const keyed = records.map((record) => ({ record, keys: steps.map((step) => step.read(record)) }));
    keyed.sort((a, b) => {
      for (const [index, step] of steps.entries()) {
        const order = compareNullable(a.keys[index], b.keys[index], step.descending);
        if (order !== 0) return order;
      }
      return a.record.id - b.record.id;
    });
    return keyed.map(({ record }) => record);
  };
}

/** PostgreSQL puts NULLs last when ascending and first when descending. */
function compareNullable(a: unknown, b: unknown, descending: boolean): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) {
    if (aNull && bNull) return 0;
    return (aNull ? 1 : -1) * (descending ? -1 : 1);
  }
  const order = compareValues(Array.isArray(a) ? a.join(',') : a, Array.isArray(b) ? b.join(',') : b);
  return descending ? -order : order;
}

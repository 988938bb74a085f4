import type { AwxRecord, DemoData } from '../types.js';
import { badRequest, forbidden } from './errors.js';
import { isSerializerOnly, relationTarget, storedValue } from './models.js';
import { resourceNamed, type FieldKind, type ResourceSpec } from './resources.js';
import { rowsOf } from './visibility.js';

/** Which fields a resource can filter and order on, what they hold, and how to read them from a record. */

/** Fields AWX refuses to filter on: prevent_search(), password and encrypted fields (403, not 400). */
const FORBIDDEN = new Set(['job_args', 'job_env', 'start_args', 'extra_vars', 'survey_passwords', 'password',
  'survey_spec', 'webhook_key', 'token', 'client_secret', 'client_id', 'notification_configuration', 'inputs',
  'extra_data', 'artifacts']);

/** Foreign keys: their values parse as ints, `none`/`null` mean NULL, and `fk__name` walks the relation (models.ts). */
const FOREIGN_KEYS = new Set(['workflow_job_template', 'inventory', 'unified_job_template', 'job_template',
  'webhook_credential', 'workflow_job', 'job', 'organization', 'project', 'execution_environment', 'schedule',
  'created_by', 'modified_by', 'credential', 'instance_group', 'inventory_source', 'source_project',
  'source_project_update', 'credential_type', 'default_environment', 'source_workflow_job', 'last_job',
  'signature_validation_credential', 'system_job_template', 'workflow_approval_template']);

const DATETIMES = new Set(['created', 'modified', 'started', 'finished', 'canceled_on', 'last_login', 'next_run',
  'dtstart', 'dtend', 'last_job_run', 'next_job_run', 'last_updated', 'approval_expiration']);

const NOT_FIELDS = new Set(['related', 'summary_fields', 'url']);

const DJANGO_TYPE: Record<FieldKind, string> = {
  fk: 'ForeignKey', m2m: 'ManyToManyField', int: 'IntegerField', number: 'DecimalField', bool: 'BooleanField',
  datetime: 'DateTimeField', text: 'CharField', json: 'JSONField',
};

/** A resolved field path: what it holds and how to read it. */
export interface FieldRef {
  kind: FieldKind;
  read: (record: AwxRecord) => unknown;
}

/** The records a request works on, and the kind of each field named in it (learned once per request and name). */
export interface FieldCatalog {
  spec: ResourceSpec;
  data: DemoData;
  records: readonly AwxRecord[];
  /** What a field holds, or undefined when the resource has no filterable field of that name. */
  kind: (name: string) => FieldKind | undefined;
}

/**
 * The filterable fields of a resource: its records' top-level keys plus its virtual fields, leaving out the
 * keys its serializer sends that are no field of its model (models.ts). A field's kind is learned from the first
 * record with a non-null value for it ('text' when every record holds null), and only when a request names the
 * field: most requests name one or two (the default ordering), and reading every key of every record for each
 * request was three quarters of the demo's time per detail.
 */
export function catalogFields(spec: ResourceSpec, data: DemoData, records: readonly AwxRecord[]): FieldCatalog {
  const allowed = spec.fields ? new Set(spec.fields) : null;
  const learned = new Map<string, FieldKind | undefined>();
  const virtual = (name: string) => (spec.virtual && Object.hasOwn(spec.virtual, name) ? spec.virtual[name]!.kind : undefined);
  const learn = (name: string): FieldKind | undefined => {
    if (NOT_FIELDS.has(name) || (allowed && !allowed.has(name)) || isSerializerOnly(spec.model, name)) return virtual(name);
    let held = false;
    for (const record of records) {
      if (!Object.hasOwn(record, name)) continue;
      const kind = kindOf(name, record[name]);
      if (kind) return kind;
      held = true;
    }
    return held ? 'text' : virtual(name);
  };
  const kind = (name: string): FieldKind | undefined => {
    if (!learned.has(name)) learned.set(name, learn(name));
    return learned.get(name);
  };
  return { spec, data, records, kind };
}

function kindOf(name: string, value: unknown): FieldKind | undefined {
  if (FOREIGN_KEYS.has(name)) return 'fk';
  if (DATETIMES.has(name)) return 'datetime';
  if (Array.isArray(value)) return 'm2m';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) && name !== 'elapsed' ? 'int' : 'number';
  if (typeof value === 'string') return 'text';
  if (value !== null && typeof value === 'object') return 'json';
  return undefined;
}

/**
 * Resolves a lookup path: `field`, `fk__id`, or `fk__field…` walking the model relation to the related
 * records (as Django joins; DAB does not limit a join to what the caller may see). Forbidden names anywhere
 * in the path give 403; unknown fields give 400 with `unknown(name)`; the same relation of the same model
 * visited twice gives DAB's "Loops not allowed" 400.
 */
export function resolveField(catalog: FieldCatalog, parts: readonly string[], unknown: (name: string) => string, seen: readonly string[] = []): FieldRef {
  const forbiddenPart = parts.find((part) => FORBIDDEN.has(part));
  if (forbiddenPart) throw forbidden(`Filtering on ${forbiddenPart} is not allowed.`);
  const [name = '', next, ...rest] = parts;
  const kind = catalog.kind(name);
  if (!kind) throw badRequest(unknown(name));
  const top = topReader(catalog, name);
  if (next === undefined || ((next === 'id' || next === 'pk') && (kind === 'fk' || kind === 'm2m') && rest.length === 0)) return { kind, read: top };
  const target = kind === 'fk' || kind === 'm2m' ? relationTarget(name) : undefined;
  const spec = target === undefined ? undefined : resourceNamed(target);
  if (!spec) throw badRequest(`Unsupported lookup '${next}' for ${DJANGO_TYPE[kind]} or join on the field not permitted.`);
  // DAB refuses a path through the same field (of the same model) twice.
  const visited = `${catalog.spec.model}.${name}`;
  if (seen.includes(visited)) throw badRequest(`Loops not allowed in filters, detected on field ${name}.`);
  const related = catalogFields(spec, catalog.data, rowsOf(catalog.data, spec.sources).map((row) => row.record));
  const inner = resolveField(related, [next, ...rest], noSuchField(related), [...seen, visited]);
  const byId = new Map(related.records.map((record) => [record.id, record]));
  const follow = (id: unknown): unknown => (typeof id === 'number' && byId.has(id) ? inner.read(byId.get(id)!) : null);
  // A many-to-many relation matches when any related record does, like a SQL join.
  const read = (record: AwxRecord): unknown => {
    const ids = top(record);
    return Array.isArray(ids) ? ids.flatMap((id) => follow(id)).filter((value) => value !== null) : follow(ids);
  };
  return { kind: inner.kind, read };
}

function topReader(catalog: FieldCatalog, name: string): (record: AwxRecord) => unknown {
  const virtual = catalog.spec.virtual?.[name];
  const model = catalog.spec.model;
  return (record) => {
    if (name in record) return storedValue(model, name, record, record[name] ?? null);
    return virtual ? virtual.read(record, catalog.data) : null;
  };
}

/** The message Django gives for an unknown filter field. */
export function noSuchField(catalog: FieldCatalog): (name: string) => string {
  return (name) => `${catalog.spec.model} has no field named '${name}'`;
}

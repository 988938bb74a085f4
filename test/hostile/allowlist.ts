/** What the gateway may send AWX, whatever a client sends it: fixed paths, numeric ids, allowlisted parameters. */
import { WORKFLOW_JOB_ORDER_FIELDS } from '../../src/awx/workflowJobs.js';

/** `/api/v2/<resource>/`, optionally a numeric id and one sub-resource. */
export const UPSTREAM_PATH = /^\/api\/v2\/[a-z_]+\/(\d+\/)?([a-z_]+\/)?$/;

const IDS = /^[1-9]\d{0,9}(,[1-9]\d{0,9})*$/;
const WORDS = /^[a-z_]+(,[a-z_]+)*$/;
const DATE = /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/;
const TEXT = /^[^]*$/; // free text: safe as long as it arrived encoded (checked on the raw query string)
const ORDER_FIELDS = new Set<string>(WORKFLOW_JOB_ORDER_FIELDS);

/** Each allowlisted AWX query key and the values it may carry (as decoded). */
const VALUES: Record<string, RegExp | ((value: string) => boolean)> = {
  page: /^[1-9]\d*$/,
  page_size: /^\d{1,3}$/,
  order_by: (value) => value.split(',').every((key) => ORDER_FIELDS.has(key.replace(/^-/, ''))),
  search: TEXT,
  name: TEXT,
  name__icontains: TEXT,
  id__in: IDS,
  workflow_job_template__in: IDS,
  workflow_job__in: IDS,
  status__in: WORDS,
  launch_type__in: WORDS,
  failed: /^(true|false)$/,
  created__gte: DATE,
  created__lt: DATE,
  started__gte: DATE,
  started__lt: DATE,
  finished__gte: DATE,
  finished__lt: DATE,
  ...keysetLookups(),
};

/**
 * What keyset pages add (src/awx/keyset.ts): comparisons of an order field with a cursor's value, plain
 * or under `not__`/`or__`, equality, and isnull; and the probe for how running jobs sort by elapsed.
 */
function keysetLookups(): Record<string, RegExp | ((value: string) => boolean)> {
  const values: Record<string, RegExp | ((value: string) => boolean)> = {
    id: /^[1-9]\d{0,9}$/,
    name: TEXT,
    status: /^(new|pending|waiting|running|successful|failed|error|canceled)$/,
    elapsed: /^-?\d+(\.\d+)?(e-?\d+)?$/,
    created: DATE, modified: DATE, started: DATE, finished: DATE,
  };
  const rules: Record<string, RegExp | ((value: string) => boolean)> = {};
  for (const [field, value] of Object.entries(values)) {
    for (const lookup of ['exact', 'gt', 'gte', 'lt', 'lte']) {
      for (const prefix of ['', 'not__', 'or__']) rules[`${prefix}${field}__${lookup}`] = value;
    }
    for (const prefix of ['', 'or__']) rules[`${prefix}${field}__isnull`] = /^(true|false)$/;
  }
  rules.not__elapsed = /^0$/;
  return rules;
}

/** Keys a keyset page may repeat: its bound on a field the filters also bound (AWX ANDs repeated keys). */
const REPEATABLE = new Set(['created__gte', 'created__lt', 'started__lt', 'finished__lt', 'started__isnull', 'finished__isnull']);

/** Why an upstream request (path and raw query, as AWX received it) breaks the allowlist; empty when it does not. */
export function allowlistViolations(path: string): string[] {
  const at = path.indexOf('?');
  const pathname = at < 0 ? path : path.slice(0, at);
  const rawQuery = at < 0 ? '' : path.slice(at + 1);
  const problems: string[] = [];
  if (!UPSTREAM_PATH.test(pathname)) problems.push(`path ${pathname}`);
  for (const id of pathname.match(/\d+/g) ?? []) if (!(Number(id) >= 1 && Number(id) < 2 ** 31)) problems.push(`id ${id}`);
  // URLSearchParams encodes everything else; a raw &, #, space, newline or quote here would be injection
  if (!/^[A-Za-z0-9%+=&*._-]*$/.test(rawQuery)) problems.push(`raw characters in ${JSON.stringify(rawQuery.slice(0, 80))}`);
  const seen = new Set<string>();
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    const rule = VALUES[key];
    if (seen.has(key) && !REPEATABLE.has(key)) problems.push(`repeated key ${key}`);
    seen.add(key);
    if (!rule) problems.push(`key ${key}`);
    else if (!(typeof rule === 'function' ? rule(value) : rule.test(value))) problems.push(`${key}=${JSON.stringify(value.slice(0, 60))}`);
  }
  return problems;
}

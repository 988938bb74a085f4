import { parse as parseYaml } from 'yaml';
import type { AwxRecord, DemoData } from '../types.js';

/**
 * Reads the prompts of a launch request body the way WorkflowJobLaunchSerializer validates them:
 * each field's own errors first (`{field: ["message"]}`), then the prompts the template does not
 * ask for are ignored and echoed back in `ignored_fields`.
 */

/** Prompt fields of a workflow launch and the `ask_*_on_launch` flag that allows each. */
const ASKED_BY: Record<string, string> = {
  extra_vars: 'ask_variables_on_launch',
  inventory: 'ask_inventory_on_launch',
  limit: 'ask_limit_on_launch',
  scm_branch: 'ask_scm_branch_on_launch',
  labels: 'ask_labels_on_launch',
  job_tags: 'ask_tags_on_launch',
  skip_tags: 'ask_skip_tags_on_launch',
};

/** The validated prompts (only those sent), their field errors, and what the template ignores. */
export interface ReadPrompts {
  values: Record<string, unknown>;
  errors: Record<string, string[]>;
  ignored: Record<string, unknown>;
}

/** Validates every prompt sent; `inventory_id` is read as `inventory`. */
export function readPrompts(data: DemoData, template: AwxRecord, body: Record<string, unknown>): ReadPrompts {
  const out: ReadPrompts = { values: {}, errors: {}, ignored: {} };
  const sent = { ...body };
  if (!('inventory' in sent) && 'inventory_id' in sent) sent.inventory = sent.inventory_id;
  for (const field of Object.keys(ASKED_BY)) {
    if (!(field in sent)) continue;
    const result = validate(data, field, sent[field]);
    if ('error' in result) out.errors[field] = [result.error];
    else if (template[ASKED_BY[field]!] === true || field === 'extra_vars') out.values[field] = result.value;
    else out.ignored[field] = sent[field];
  }
  return out;
}

type Checked = { value: unknown } | { error: string };

function validate(data: DemoData, field: string, value: unknown): Checked {
  if (field === 'extra_vars') return extraVars(value);
  if (field === 'inventory') return primaryKey(data.collections.inventories, value);
  if (field === 'labels') {
    if (!Array.isArray(value)) return { error: `Expected a list of items but got type "${pythonType(value)}".` };
    const checked = value.map((item) => primaryKey(data.collections.labels, item));
    const failed = checked.find((item) => 'error' in item);
    return failed ?? { value: checked.map((item) => (item as { value: number }).value) };
  }
  if (value === null) return { error: 'This field may not be null.' };
  // DRF's CharField takes numbers as their text and refuses everything else.
  if (typeof value === 'number') return { value: String(value) };
  return typeof value === 'string' ? { value } : { error: 'Not a valid string.' };
}

/** A PrimaryKeyRelatedField: an existing id (a numeric string works too). */
function primaryKey(records: readonly AwxRecord[], value: unknown): Checked {
  if (value === null) return { error: 'This field may not be null.' };
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(id)) return { error: `Incorrect type. Expected pk value, received ${pythonType(value)}.` };
  if (records.some((record) => record.id === id)) return { value: id };
  return { error: `Invalid pk "${String(value)}" - object does not exist.` };
}

/** extra_vars: a dictionary, or JSON or YAML text of one. */
export function extraVars(value: unknown): Checked {
  if (typeof value !== 'string') {
    return isDict(value) ? { value } : { error: `Input type \`${pythonType(value)}\` is not a dictionary` };
  }
  if (value.trim() === '') return { value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (jsonError) {
    try {
      parsed = parseYaml(value);
    } catch (yamlError) {
      const [json, yaml] = [(jsonError as Error).message, (yamlError as Error).message];
      return { error: `Cannot parse as JSON (error: ${json}) or YAML (error: ${yaml}).` };
    }
  }
  if (parsed === null || parsed === undefined) return { value: {} };
  return isDict(parsed) ? { value: parsed } : { error: `Input type \`${pythonType(parsed)}\` is not a dictionary` };
}

function isDict(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The Python type name DRF puts in its messages. */
export function pythonType(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return typeof value === 'string' ? 'str' : 'dict';
}

/** JSON text as Python's json.dumps writes it (how AWX stores extra_vars): `{"a": 1, "b": [1, 2]}`. */
export function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (isDict(value)) {
    return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${pythonJson(item)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

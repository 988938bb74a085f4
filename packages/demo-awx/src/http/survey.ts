import type { SurveyQuestion } from '../dataset/surveys.js';
import type { AwxRecord, DemoData } from '../types.js';
import { extraVars, pythonJson } from './launch-prompts.js';

/** Survey answers checked like AWX's SurveyJobTemplateMixin: required answers present, integers in range. */

/** The messages AWX lists under `variables_needed_to_start` for these answers; empty when they pass. */
export function surveyErrors(questions: readonly SurveyQuestion[], answers: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const question of questions) {
    const { variable } = question;
    if (!(variable in answers)) {
      if (question.required) errors.push(`'${variable}' value missing`);
      continue;
    }
    const value = answers[variable];
    if (question.type === 'integer') errors.push(...integerErrors(question, value));
    else if (question.required && (typeof value !== 'string' || value === '')) {
      errors.push(`'${variable}' value missing`);
    }
  }
  return errors;
}

function integerErrors(question: SurveyQuestion, value: unknown): string[] {
  const { variable, min, max } = question;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return [`Value ${String(value)} for '${variable}' expected to be an integer.`];
  }
  if (min !== null && value < min) return [`'${variable}' value ${value} is too small (must be at least ${min}).`];
  if (max !== null && value > max) return [`'${variable}' value ${value} is too large (must be no more than ${max}).`];
  return [];
}

/** The placeholder AWX shows instead of a survey password (awx.main.redact.REPLACE_STR). */
export const ENCRYPTED = '$encrypted$';

/** The survey password variables this job was sent: its `survey_passwords` that are in its extra_vars. */
export function sentSecrets(data: DemoData, job: AwxRecord): string[] {
  const names = data.surveyPasswords[job.id] ?? [];
  if (names.length === 0 || typeof job.extra_vars !== 'string') return [];
  const vars = extraVars(job.extra_vars);
  return 'value' in vars ? names.filter((name) => name in (vars.value as Record<string, unknown>)) : [];
}

/**
 * `extra_vars` as SurveyJobMixin.display_extra_vars shows them (JobSerializer, WorkflowJobSerializer):
 * every survey password sent replaced by `$encrypted$`; undefined when there is nothing to hide.
 */
export function displayExtraVars(data: DemoData, job: AwxRecord): string | undefined {
  const secrets = sentSecrets(data, job);
  if (secrets.length === 0) return undefined;
  const parsed = extraVars(job.extra_vars);
  const vars = { ...('value' in parsed ? (parsed.value as Record<string, unknown>) : {}) };
  for (const name of secrets) vars[name] = ENCRYPTED;
  return pythonJson(vars);
}

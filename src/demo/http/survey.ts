import type { SurveyQuestion } from '../dataset/surveys.js';

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

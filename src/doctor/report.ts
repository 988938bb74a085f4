/** The doctor's report as terminal/CI text (one line per check) or JSON, with every known secret masked. */
import type { CheckStatus, DoctorReport } from './types.js';

const MARKS: Record<CheckStatus, string> = { pass: '✔', warn: '!', fail: '✘', skip: '-' };
const COLOURS: Record<CheckStatus, string> = { pass: '\x1b[32m', warn: '\x1b[33m', fail: '\x1b[31m', skip: '\x1b[2m' };
const RESET = '\x1b[0m';
const WORDS: Record<CheckStatus, [string, string]> = {
  pass: ['passed', 'passed'], warn: ['warning', 'warnings'], fail: ['failed', 'failed'], skip: ['skipped', 'skipped'],
};

/** `✔ API layout     Ansible Automation Platform: /api/controller/v2/`, the fix after ` — `, then a summary line. */
export function formatText(report: DoctorReport, options: { colour: boolean }): string {
  const width = Math.max(...report.checks.map((check) => check.title.length)) + 2;
  const paint = (status: CheckStatus, text: string) => (options.colour ? `${COLOURS[status]}${text}${RESET}` : text);
  const lines = report.checks.map((check) => {
    const hint = check.hint ? ` — ${check.hint}` : '';
    return `${paint(check.status, MARKS[check.status])} ${check.title.padEnd(width)}${check.message}${hint}`;
  });
  const counts = (['pass', 'warn', 'fail', 'skip'] as const)
    .map((status) => [status, report.checks.filter((check) => check.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${WORDS[status][count === 1 ? 0 : 1]}`);
  lines.push(`${report.ok ? 'OK' : 'FAILED'}: ${counts.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** The report as JSON: `{ ok, exitCode, checks: [{ id, title, status, message, hint?, details? }] }`. */
export function formatJson(report: DoctorReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Masks every secret in `text`, also as JSON escapes it. A safety net only: no check puts a credential in a
 * message, but AWX's or Node's error texts are not ours. Values under 4 characters are left alone, since
 * masking every `a` of the report would hide more than it protects.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const forms = secrets.filter((secret) => secret.length >= 4).flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]);
  let masked = text;
  for (const form of [...new Set(forms)].sort((a, b) => b.length - a.length)) masked = masked.split(form).join('***');
  return masked;
}

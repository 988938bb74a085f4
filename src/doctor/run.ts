/** Runs the connection doctor's checks in order, skipping those whose prerequisites failed, and closes what they opened. */
import type { Env } from '../envParsers.js';
import { layoutCheck, versionCheck } from './api.js';
import { batchingCheck, websocketCheck } from './caller.js';
import { configurationCheck } from './configuration.js';
import { reachableCheck, tlsCheck } from './connection.js';
import { credentialsCheck } from './credentials.js';
import type { Check, CheckOutcome, CheckResult, DoctorContext, DoctorCredential, DoctorReport } from './types.js';

/** Every check, in the order it runs. */
export const CHECKS: readonly Check[] = [
  configurationCheck, reachableCheck, tlsCheck, layoutCheck, versionCheck, credentialsCheck, websocketCheck, batchingCheck,
];

/** What to check: the environment to configure from, and optionally a credential given on the command line. */
export interface DoctorOptions {
  env: Env;
  /** Checked instead of the configured service credential (`--token`, `--authorization`). */
  credential?: DoctorCredential;
}

/** A check whose prerequisite failed or was skipped is skipped too, naming the first such one. */
function blockedBy(check: Check, results: readonly CheckResult[]): CheckOutcome | undefined {
  for (const id of check.needs) {
    const prior = results.find((result) => result.id === id);
    if (!prior || prior.status === 'fail') return { status: 'skip', message: `skipped: ${prior?.title ?? id} failed` };
    if (prior.status === 'skip') return { status: 'skip', message: prior.message };
  }
  return undefined;
}

async function runOne(check: Check, context: DoctorContext): Promise<CheckOutcome> {
  try {
    return await check.run(context);
  } catch (error) {
    // A check's own bug or an unforeseen failure still ends as a line of the report, not a stack trace.
    return { status: 'fail', message: `the check itself failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Runs every check and reports; never throws for what it finds. */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const context: DoctorContext = { env: options.env, given: options.credential };
  const checks: CheckResult[] = [];
  try {
    for (const check of CHECKS) {
      const outcome = blockedBy(check, checks) ?? (await runOne(check, context));
      checks.push({ id: check.id, title: check.title, ...outcome });
    }
  } finally {
    await context.transport?.dispatcher.destroy();
  }
  const ok = checks.every((check) => check.status !== 'fail');
  return { ok, exitCode: ok ? 0 : 1, checks };
}

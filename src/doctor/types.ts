/** The connection doctor's vocabulary: checks, their outcomes, and what they share while running. */
import type { AwxTransport } from '../awx/client.js';
import type { GatewayConfig } from '../config.js';
import type { Env } from '../envParsers.js';

/** The checks, in the order they run. */
export type CheckId = 'configuration' | 'reachable' | 'tls' | 'layout' | 'version' | 'credentials' | 'websocket' | 'batching';

/** pass; warn (works, but an operator should know); fail (the gateway cannot work so); skip (not checked, with why). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** What one check found: a one-line message, a fix when something is wrong, and facts for `--json`. */
export interface CheckOutcome {
  status: CheckStatus;
  message: string;
  hint?: string;
  details?: Record<string, unknown>;
}

/** One check's outcome, named. */
export interface CheckResult extends CheckOutcome {
  id: CheckId;
  title: string;
}

/** Every check's result, and the exit code: 1 when any failed, else 0. */
export interface DoctorReport {
  ok: boolean;
  exitCode: number;
  checks: CheckResult[];
}

/** A credential to check, and where it came from in an operator's words (never its value). */
export interface DoctorCredential {
  authorization: string;
  /** e.g. `the token from AWX_TOKEN`, `the token given with --token`. */
  source: string;
  /** The gateway's own service credential (sent for callers who send none), not one given on the command line. */
  service: boolean;
}

/** What the checks share, filled in as they pass: the configuration, the AWX pool, the credential. */
export interface DoctorContext {
  env: Env;
  /** A credential given on the command line (`--token`, `--authorization`); wins over the configured one. */
  given?: DoctorCredential;
  config?: GatewayConfig;
  transport?: AwxTransport;
  credential?: DoctorCredential;
}

/** One check: which earlier checks it needs to have passed (or warned), and how it runs. */
export interface Check {
  id: CheckId;
  title: string;
  needs: readonly CheckId[];
  run(context: DoctorContext): Promise<CheckOutcome>;
}

/** The configuration and pool of a context whose configuration check passed. */
export function upstreamOf(context: DoctorContext): { config: GatewayConfig; transport: AwxTransport } {
  if (!context.config || !context.transport) throw new Error('the configuration check has not passed');
  return { config: context.config, transport: context.transport };
}

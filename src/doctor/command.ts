/** `awx-graphql doctor`: reads its options, runs the checks, prints the report (secrets masked), returns the exit code. */
import type { Env } from '../envParsers.js';
import { formatJson, formatText, redact } from './report.js';
import { runDoctor } from './run.js';
import type { DoctorCredential } from './types.js';

/** The doctor's help text. */
export const DOCTOR_USAGE = `Usage: awx-graphql doctor [--json] [--token <token> | --authorization '<header>']

Checks the controller the gateway is configured for (AWX_URL or CONTROLLER_HOST, and the other AWX_* /
CONTROLLER_* variables) as an operator would: configuration, reachable, TLS, API layout, version,
credentials, websocket, batching. Each line says what was found and, when something is wrong, the fix.

Options:
  --json                     print the results as JSON
  --token <token>            check this AWX token (sent as Bearer) instead of the configured service credential
  --authorization <header>   check this Authorization value ('Bearer <token>' or 'Basic <base64>') instead
  -h, --help                 show this help

A token on the command line is visible to other users of this machine; AWX_TOKEN in the environment is not.
Exit code: 0 when no check failed (warnings allowed), 1 when one did, 2 for a usage error.
`;

/** A mistake on the command line; its message never repeats the values given. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The doctor's options. */
export interface DoctorArgs {
  json: boolean;
  help: boolean;
  token?: string;
  authorization?: string;
}

function valueOf(args: readonly string[], index: number, name: string, inline: string | undefined): string {
  const value = inline ?? args[index + 1];
  if (value === undefined || value.trim() === '') throw new UsageError(`${name} needs a value`);
  return value.trim();
}

/** Parses `--json`, `--token <t>` / `--token=<t>`, `--authorization <h>`, `--help`. */
export function parseDoctorArgs(args: readonly string[]): DoctorArgs {
  const parsed: DoctorArgs = { json: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--json') parsed.json = true;
    else if (name === '--help' || name === '-h') parsed.help = true;
    else if (name === '--token' || name === '--authorization') {
      const value = valueOf(args, i, name, inline);
      if (inline === undefined) i++;
      if (name === '--token') parsed.token = value;
      else if (/^\S+ +\S+$/.test(value)) parsed.authorization = value;
      else throw new UsageError("--authorization must look like 'Bearer <token>' or 'Basic <base64>'");
    } else {
      throw new UsageError(name.startsWith('-') ? `unknown option ${name}` : 'unexpected argument: the doctor takes options only');
    }
  }
  if (parsed.token && parsed.authorization) throw new UsageError('give --token or --authorization, not both');
  return parsed;
}

function givenCredential(args: DoctorArgs): DoctorCredential | undefined {
  if (args.token) return { authorization: `Bearer ${args.token}`, source: 'the token given with --token', service: false };
  if (args.authorization) return { authorization: args.authorization, source: 'the Authorization given with --authorization', service: false };
  return undefined;
}

/** Every credential the report must not show: configured tokens and passwords, and what was given on the command line. */
export function secretsOf(env: Env, args: Partial<DoctorArgs>): string[] {
  const named = ['AWX_TOKEN', 'CONTROLLER_OAUTH_TOKEN', 'TOWER_OAUTH_TOKEN', 'CONTROLLER_PASSWORD', 'TOWER_PASSWORD', 'CACHE_KEY_SECRET'].map((name) => env[name]);
  const basic = [['CONTROLLER_USERNAME', 'CONTROLLER_PASSWORD'], ['TOWER_USERNAME', 'TOWER_PASSWORD']]
    .map(([user, password]) => (env[user!] && env[password!] ? Buffer.from(`${env[user!]}:${env[password!]}`).toString('base64') : undefined));
  const header = args.authorization?.split(/ +/)[1];
  const decoded = header ? Buffer.from(header, 'base64').toString('utf8') : undefined;
  const given = [args.token, args.authorization, header, decoded, decoded?.slice(decoded.indexOf(':') + 1)];
  return [...named, ...basic, ...given].filter((value): value is string => typeof value === 'string' && value !== '');
}

/** Where the command writes, and the environment it configures from. */
export interface CommandIo {
  env: Env;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

/** Runs `doctor` with these arguments; resolves with the exit code (0 ok, 1 a check failed, 2 usage). */
export async function doctorCommand(args: readonly string[], io: CommandIo): Promise<number> {
  let parsed: DoctorArgs;
  try {
    parsed = parseDoctorArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`awx-graphql doctor: ${error.message}\n\n${DOCTOR_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout.write(DOCTOR_USAGE);
    return 0;
  }
  const report = await runDoctor({ env: io.env, credential: givenCredential(parsed) });
  const colour = io.stdout.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  const text = parsed.json ? formatJson(report) : formatText(report, { colour });
  io.stdout.write(redact(text, secretsOf(io.env, parsed)));
  return report.exitCode;
}

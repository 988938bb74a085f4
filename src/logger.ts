/** The gateway's JSON logger; credentials are redacted wherever they could appear. */
import { pino, type Logger } from 'pino';
import { batchedLines } from './logLines.js';

/** Headers that carry credentials or sessions, in whichever case a header object spells them. */
const SECRET_HEADERS = ['authorization', 'Authorization', 'proxy-authorization', 'cookie', 'Cookie', 'set-cookie', 'Set-Cookie', 'x-api-key', 'x-auth-token', 'x-csrftoken'];

/** Fields that hold a secret under their own name, at the top level or one level down (e.g. `config.awxToken`). */
const SECRET_FIELDS = ['authorization', 'cookie', 'password', 'token', 'awxToken', 'accessToken', 'refreshToken', 'apiKey', 'secret'];

/** Every redacted path: secret fields, and secret headers under `headers` up to two levels down (`err.response.headers`). */
export const REDACT_PATHS: string[] = [
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
  ...SECRET_HEADERS.flatMap((header) => ['', '*.', '*.*.'].map((prefix) => `${prefix}headers["${header}"]`)),
];

/** Longest string kept in a log field; longer ones (a client can send a 9 MB operation name) are cut. */
export const MAX_LOGGED_STRING = 1_024;
/** Error stacks keep more: they are the gateway's own text, and what a defect is debugged from. */
const MAX_LOGGED_STACK = 8_192;

/** A log line's fields with every string cut to its bound, a few levels down (log objects are shallow). */
export function boundedFields(value: unknown, depth = 0, key = ''): unknown {
  // Most lines (one per request) have nothing to cut: they are logged as they are, without a copy.
  if (!needsBounding(value, depth, key)) return value;
  if (typeof value === 'string') {
    const max = key === 'stack' ? MAX_LOGGED_STACK : MAX_LOGGED_STRING;
    return `${value.slice(0, max)}…[${value.length - max} more characters]`;
  }
  if (Array.isArray(value)) return value.slice(0, 100).map((item) => boundedFields(item, depth + 1));
  return Object.fromEntries(Object.entries(value as object).map(([name, item]) => [name, boundedFields(item, depth + 1, name)]));
}

/** Whether `value` holds a string over its bound or an array over 100 items, where boundedFields looks. */
function needsBounding(value: unknown, depth: number, key: string): boolean {
  if (typeof value === 'string') return value.length > (key === 'stack' ? MAX_LOGGED_STACK : MAX_LOGGED_STRING);
  if (value === null || typeof value !== 'object' || depth >= 4 || value instanceof Error) return false;
  if (Array.isArray(value)) return value.length > 100 || value.some((item) => needsBounding(item, depth + 1, ''));
  for (const name in value) {
    if (Object.hasOwn(value, name) && needsBounding((value as Record<string, unknown>)[name], depth + 1, name)) return true;
  }
  return false;
}

/** Creates the logger, writing to standard output in batches (src/logLines.ts); `destination` lets tests capture lines. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    base: { service: 'awx-graphql' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    formatters: { log: (fields: Record<string, unknown>) => boundedFields(fields) as Record<string, unknown> },
    // An error's message can quote what a client sent (a syntax error names the token): bounded too.
    serializers: { err: (error: Error) => boundedFields(pino.stdSerializers.err(error)) },
  };
  return pino(options, (destination as pino.DestinationStream | undefined) ?? batchedLines());
}

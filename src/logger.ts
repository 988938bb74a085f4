/** The gateway's JSON logger; credentials are redacted wherever they could appear. */
import { pino, type Logger } from 'pino';

/** Headers that carry credentials or sessions, in whichever case a header object spells them. */
const SECRET_HEADERS = ['authorization', 'Authorization', 'proxy-authorization', 'cookie', 'Cookie', 'set-cookie', 'Set-Cookie', 'x-api-key', 'x-auth-token', 'x-csrftoken'];

/** Fields that hold a secret under their own name, at the top level or one level down (e.g. `config.awxToken`). */
const SECRET_FIELDS = ['authorization', 'cookie', 'password', 'token', 'awxToken', 'accessToken', 'refreshToken', 'apiKey', 'secret'];

/** Every redacted path: secret fields, and secret headers under `headers` up to two levels down (`err.response.headers`). */
export const REDACT_PATHS: string[] = [
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
  ...SECRET_HEADERS.flatMap((header) => ['', '*.', '*.*.'].map((prefix) => `${prefix}headers["${header}"]`)),
];

/** Creates the logger; `destination` lets tests capture lines. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    base: { service: 'awx-graphql' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}

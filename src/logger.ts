/** The gateway's JSON logger; credentials are redacted wherever they could appear. */
import { pino, type Logger } from 'pino';

/** Creates the logger; `destination` lets tests capture lines. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    base: { service: 'awx-graphql' },
    redact: {
      paths: ['authorization', 'headers.authorization', '*.headers.authorization', 'awxToken', 'config.awxToken', 'password'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}

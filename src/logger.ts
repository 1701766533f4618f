// Structured JSON-line logs through pino. Secrets are redacted; question texts are logged at debug only.
import { pino, type Logger } from 'pino';

export type { Logger };

const REDACTED_PATHS = [
  '*.botToken',
  '*.signingSecret',
  '*.appToken',
  '*.appPassword',
  '*.token',
  '*.authorization',
  'req.headers.authorization',
  'headers.authorization',
];

/** A JSON-line logger at `level`, writing to `destination` (stdout by default). */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'erasmus-mbo-assistant' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? process.stdout,
  );
}

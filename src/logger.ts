// Structured JSON-line logs through pino. Secrets are redacted; question texts are logged at debug only.
// What libraries print to the console (botbuilder writes token errors, key lists and stack traces with
// console.error) is turned into log lines too, without key material or stack frames.
import { format } from 'node:util';
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

const PEM_BLOCK = /-----BEGIN [A-Z ]+-----[\s\S]*?(-----END [A-Z ]+-----|$)/g;
/** botframework-connector's "Available keys: …" lists the signing keys it knows. */
const KEY_LIST = /(Available keys:)[\s\S]*/;
const STACK_FRAME = /^\s+at .*$/gm;

/** One console call as a log line: formatted like the console would, keys and stack frames left out. */
export function scrubConsoleText(args: readonly unknown[]): string {
  const text = format(...args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : arg)));
  return text
    .replace(PEM_BLOCK, '[redacted key]')
    .replace(KEY_LIST, '$1 [redacted]')
    .replace(STACK_FRAME, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/**
 * Routes `console.*` through `logger` (source `console`): errors and warnings at warn, the rest at debug.
 * Returns a function that puts the console back.
 */
export function routeConsoleToLogger(logger: Logger): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug, warn: console.warn, error: console.error };
  const to = (level: 'warn' | 'debug') => (...args: unknown[]) => {
    if (logger.isLevelEnabled(level)) logger[level]({ source: 'console' }, scrubConsoleText(args));
  };
  console.log = to('debug');
  console.info = to('debug');
  console.debug = to('debug');
  console.warn = to('warn');
  console.error = to('warn');
  return () => Object.assign(console, saved);
}

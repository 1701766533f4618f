import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, routeConsoleToLogger, scrubConsoleText } from '../src/logger.js';

const PEM = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----';

describe('console output of libraries', () => {
  it('keeps the message and drops keys and stack frames', () => {
    const error = new Error('jwt expired');
    error.name = 'TokenExpiredError';
    expect(scrubConsoleText([error])).toBe('TokenExpiredError: jwt expired');
    expect(scrubConsoleText([`Error finding key for token. Available keys: ${PEM},${PEM}`])).toBe('Error finding key for token. Available keys: [redacted]');
    expect(scrubConsoleText(['key', PEM, 'after'])).toBe('key [redacted key] after');
    expect(scrubConsoleText(['failed:\n    at Object.<anonymous> (/x.js:1:1)\n    at run (/y.js:2:2)'])).toBe('failed:');
    expect(scrubConsoleText(['%s of %d', 'one', 2])).toBe('one of 2');
  });

  it('goes through the JSON logger while routed, and back to the console after', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const restore = routeConsoleToLogger(createLogger('info', sink));
    const routed = console.error;
    try {
      console.error(`Error finding key for token. Available keys: ${PEM}`);
      console.log('only at debug');
    } finally {
      restore();
    }
    expect(console.error).not.toBe(routed);
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 40, source: 'console', msg: 'Error finding key for token. Available keys: [redacted]' }),
    ]);
  });
});

// POST /slack/events on the service host: Bolt's HTTPReceiver, whose requestListener answers Slack's
// ssl_check and url_verification, parses JSON and form payloads, reads the retry headers and acks, behind
// a gate for what it cannot be told: the service's body limit (413), the 5-minute timestamp window on an
// injected clock and in both directions, the signature checked with Bolt's verifySlackRequest, and a 400
// for a signed body that is no Slack payload (`null`, an event_callback without an event), which Bolt
// would fail on with a 500 that Slack retries. Every refusal gets a log line.
// https://docs.slack.dev/authentication/verifying-requests-from-slack · https://docs.slack.dev/tools/bolt-js/concepts/receiver
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPReceiver, verifySlackRequest, type BufferedIncomingMessage, type Logger as BoltLogger } from '@slack/bolt';
import type { Clock } from '../../src/clock.js';
import { isCodedError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { readBody, type HttpRoute } from '../server.js';

/** How far a request timestamp may be from now, either way. */
const MAX_REQUEST_AGE_SECONDS = 5 * 60;

type SlackRefusalCode = 'SLACK_SIGNATURE_MISSING' | 'SLACK_TIMESTAMP_INVALID' | 'SLACK_REQUEST_STALE' | 'SLACK_SIGNATURE_INVALID';

export interface SlackHttpOptions {
  signingSecret: string;
  path: string;
  logger: Logger;
  boltLogger: BoltLogger;
  /** The time the timestamp window is measured from. */
  clock: Clock;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function refuse(res: ServerResponse, status: number): void {
  if (!res.headersSent) res.writeHead(status, { 'content-length': 0 }).end();
}

/** Why a request is not Slack's, or undefined when its signature and timestamp hold. */
export function checkSlackSignature(signingSecret: string, body: string, headers: { timestamp?: string; signature?: string }, nowMs: number): SlackRefusalCode | undefined {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature) return 'SLACK_SIGNATURE_MISSING';
  if (!/^\d{1,12}$/.test(timestamp)) return 'SLACK_TIMESTAMP_INVALID';
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > MAX_REQUEST_AGE_SECONDS) return 'SLACK_REQUEST_STALE';
  try {
    verifySlackRequest({ signingSecret, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) }, nowMilliseconds: nowMs });
    return undefined;
  } catch {
    return 'SLACK_SIGNATURE_INVALID';
  }
}

/** Slack sends `ssl_check=1` unsigned to test a slash command URL; Bolt answers it with a bare 200. */
function isSslCheck(req: IncomingMessage, raw: string): boolean {
  return header(req, 'content-type') === 'application/x-www-form-urlencoded' && new URLSearchParams(raw).get('ssl_check') === '1';
}

/** Why a parsed body is no Slack payload, or undefined. */
function payloadProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body is not an object';
  const { type, event } = body as { type?: unknown; event?: unknown };
  if (type === 'event_callback' && (typeof event !== 'object' || event === null || typeof (event as { type?: unknown }).type !== 'string')) {
    return 'an event_callback without an event';
  }
  return undefined;
}

/** Bolt's HTTP receiver and the route that mounts it on the service host. */
export function createSlackHttpRoute(options: SlackHttpOptions): { receiver: HTTPReceiver; route: HttpRoute } {
  const { logger, clock, signingSecret } = options;
  // The gate verifies; the receiver does the rest (ssl_check, url_verification, payloads, retries, acks).
  const receiver = new HTTPReceiver({ signingSecret, signatureVerification: false, endpoints: [options.path], logger: options.boltLogger });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (error) {
      if (!isCodedError(error, 'BODY_TOO_LARGE')) throw error;
      logger.warn({ code: 'SLACK_BODY_TOO_LARGE' }, 'slack request refused');
      refuse(res, 413);
      return;
    }
    const text = raw.toString('utf8');
    if (!isSslCheck(req, text)) {
      const code = checkSlackSignature(signingSecret, text, { timestamp: header(req, 'x-slack-request-timestamp'), signature: header(req, 'x-slack-signature') }, clock.now().getTime());
      if (code) {
        logger.warn({ code }, 'slack request refused');
        refuse(res, 401);
        return;
      }
    }
    const buffered = Object.assign(req, { rawBody: raw }) satisfies BufferedIncomingMessage;
    let problem: string | undefined;
    try {
      problem = payloadProblem(HTTPModuleFunctions.parseHTTPRequestBody(buffered));
    } catch {
      problem = 'the body is not valid JSON or form data';
    }
    if (problem) {
      logger.warn({ code: 'SLACK_BODY_INVALID', problem }, 'slack request body refused');
      refuse(res, 400);
      return;
    }
    receiver.requestListener(buffered, res);
  }

  return { receiver, route: { method: 'POST', path: options.path, handle } };
}

// The HTTP transport of the Bolt app, as a Bolt `Receiver` mounted on the service host's route instead of
// a server of its own: reads the body (1 MB at most), refuses any request that is not Slack's (401, before
// anything parses it), answers Slack's URL verification and SSL check, and hands events, slash commands
// and interactivity to Bolt with an ack() that writes the HTTP response once. Events are acknowledged by
// Bolt before any listener runs; a request nobody acknowledges gets a 404 after 3 s.
// https://docs.slack.dev/tools/bolt-js/concepts/receiver · https://docs.slack.dev/apis/events-api#responding
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import { readBody } from '../server.js';
import { verifySlackSignature } from './verify.js';

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** Milliseconds since the epoch, for the request timestamp window. */
  clock: () => number;
  /** How long a listener may take to call ack() (Slack gives up after 3 s). */
  ackTimeoutMs?: number;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The body as Bolt expects it: JSON, a form with a JSON `payload` (interactivity), or form fields (commands). */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(raw);
    const payload = form.get('payload');
    return payload === null ? Object.fromEntries(form) : (JSON.parse(payload) as Record<string, unknown>);
  }
  return JSON.parse(raw) as Record<string, unknown>;
}

function respond(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined || body === '') {
    res.writeHead(status, { 'content-length': 0 }).end();
  } else if (typeof body === 'string') {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
  } else {
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) }).end(json);
  }
}

/** Bolt's receiver for POST /slack/events on the shared server. */
export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;
  private readonly ackTimeoutMs: number;

  constructor(private readonly options: SlackHttpReceiverOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 3000;
  }

  init(app: App): void {
    this.app = app;
  }

  /** The service host owns the server; nothing to start. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** The route handler. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger } = this.options;
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'BODY_TOO_LARGE') throw error;
      respond(res, 413);
      return;
    }
    const contentType = header(req, 'content-type');
    const verdict = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      body: raw,
      timestamp: header(req, 'x-slack-request-timestamp'),
      signature: header(req, 'x-slack-signature'),
      nowMs: this.options.clock(),
    });
    if (!verdict.ok) {
      // Slack checks a slash command URL's certificate with an unsigned `ssl_check=1`; it gets a bare 200.
      const sslCheck = contentType?.startsWith('application/x-www-form-urlencoded') && new URLSearchParams(raw.toString('utf8')).get('ssl_check') === '1';
      logger.warn({ code: verdict.code, sslCheck }, sslCheck ? 'slack ssl_check answered' : 'slack request refused');
      respond(res, sslCheck ? 200 : 401);
      return;
    }

    let body: Record<string, unknown>;
    try {
      body = parseBody(raw.toString('utf8'), contentType);
    } catch {
      logger.warn({ code: 'SLACK_BODY_INVALID' }, 'slack request body is not valid JSON or form data');
      respond(res, 400);
      return;
    }
    if (body.type === 'url_verification') {
      respond(res, 200, { challenge: body.challenge });
      return;
    }
    if (body.ssl_check === '1') {
      respond(res, 200);
      return;
    }

    let acked = false;
    const timer =
      body.type === 'event_callback'
        ? undefined
        : setTimeout(() => {
            if (acked) return;
            acked = true;
            logger.error({ code: 'SLACK_NOT_ACKNOWLEDGED', type: body.type }, 'slack request not acknowledged within 3 s');
            respond(res, 404);
          }, this.ackTimeoutMs);
    const retryNum = header(req, 'x-slack-retry-num');
    const event: ReceiverEvent = {
      body,
      retryNum: retryNum === undefined ? undefined : Number.parseInt(retryNum, 10),
      retryReason: header(req, 'x-slack-retry-reason'),
      customProperties: {},
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        clearTimeout(timer);
        respond(res, 200, response);
      },
    };
    let status = 404;
    try {
      await this.app?.processEvent(event);
    } catch (error) {
      logger.error({ err: error }, 'slack event processing failed');
      status = 500;
    }
    // Nothing acknowledged it (an unknown payload type, or no listener): Slack gets an answer all the same.
    if (!acked) {
      acked = true;
      clearTimeout(timer);
      respond(res, status);
    }
  }
}

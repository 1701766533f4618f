// Checks that a request comes from Slack before anything else reads it: the `v0` HMAC-SHA256 signature
// of `v0:{timestamp}:{body}` with the signing secret, compared in constant time, and a timestamp within
// 5 minutes of now in either direction (a replayed or pre-dated request is refused). Pure, with the
// current time passed in. https://docs.slack.dev/authentication/verifying-requests-from-slack
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a request timestamp may be from now. */
export const SLACK_MAX_REQUEST_AGE_SECONDS = 5 * 60;

export type SlackVerifyErrorCode = 'SLACK_SIGNATURE_MISSING' | 'SLACK_TIMESTAMP_INVALID' | 'SLACK_REQUEST_STALE' | 'SLACK_SIGNATURE_INVALID';

export type SlackVerifyResult = { ok: true } | { ok: false; code: SlackVerifyErrorCode };

export interface SlackVerifyInput {
  signingSecret: string;
  /** The raw request body, exactly as received. */
  body: string | Buffer;
  /** The `X-Slack-Request-Timestamp` header. */
  timestamp: string | undefined;
  /** The `X-Slack-Signature` header. */
  signature: string | undefined;
  /** Milliseconds since the epoch. */
  nowMs: number;
}

/** The `v0=` signature Slack sends for a body and timestamp. */
export function signSlackRequest(signingSecret: string, timestamp: string | number, body: string | Buffer): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
}

/** Verifies a Slack request's signature and timestamp. */
export function verifySlackSignature(input: SlackVerifyInput): SlackVerifyResult {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, code: 'SLACK_SIGNATURE_MISSING' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, code: 'SLACK_TIMESTAMP_INVALID' };
  if (Math.abs(Math.floor(input.nowMs / 1000) - Number(timestamp)) > SLACK_MAX_REQUEST_AGE_SECONDS) return { ok: false, code: 'SLACK_REQUEST_STALE' };
  const expected = Buffer.from(signSlackRequest(input.signingSecret, timestamp, input.body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, code: 'SLACK_SIGNATURE_INVALID' };
  return { ok: true };
}

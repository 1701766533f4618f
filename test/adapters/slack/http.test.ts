// The signature check of the Slack route as a pure function with the time passed in: Slack's published
// example, and every way a request can fail.
import { describe, expect, test } from 'vitest';
import { checkSlackSignature } from '../../../adapters/slack/http.js';

// The example request from Slack's "Verifying requests from Slack" page.
const EXAMPLE = {
  signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};
const AT = Number(EXAMPLE.timestamp) * 1000;

type Case = { signingSecret: string; timestamp: string | undefined; body: string; signature: string | undefined; nowMs: number };
const check = (c: Case): string | undefined => checkSlackSignature(c.signingSecret, c.body, { timestamp: c.timestamp, signature: c.signature }, c.nowMs);

describe('checkSlackSignature', () => {
  test('accepts Slack’s published example at its own time, and up to 5 minutes either side', () => {
    for (const offset of [0, 299_000, -299_000]) expect(check({ ...EXAMPLE, nowMs: AT + offset })).toBeUndefined();
  });

  test.each([
    ['no signature', { signature: undefined }, 'SLACK_SIGNATURE_MISSING'],
    ['no timestamp', { timestamp: undefined }, 'SLACK_SIGNATURE_MISSING'],
    ['a timestamp that is not a number', { timestamp: '15314e0618' }, 'SLACK_TIMESTAMP_INVALID'],
    ['a request 6 minutes old', { nowMs: AT + 360_000 }, 'SLACK_REQUEST_STALE'],
    ['a request dated 6 minutes ahead', { nowMs: AT - 360_000 }, 'SLACK_REQUEST_STALE'],
    ['another secret', { signingSecret: 'another-secret' }, 'SLACK_SIGNATURE_INVALID'],
    ['a changed body', { body: EXAMPLE.body.replace('foobar', 'foobaz') }, 'SLACK_SIGNATURE_INVALID'],
    ['another version', { signature: EXAMPLE.signature.replace('v0=', 'v1=') }, 'SLACK_SIGNATURE_INVALID'],
    ['a short signature', { signature: 'v0=a2114d' }, 'SLACK_SIGNATURE_INVALID'],
  ] as const)('refuses %s', (_name, change, code) => {
    expect(check({ ...EXAMPLE, nowMs: AT, ...change })).toBe(code);
  });
});

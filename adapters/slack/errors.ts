// The one place where failures of the Slack Web API, of a response_url and of the bot's own code are
// given an error code and the fields that go to the log. Users only ever see one friendly line.
// https://docs.slack.dev/apis/web-api/#errors
import { webApi } from '@slack/bolt';
import type { Lang } from '../../src/knowledge/schema.js';

export type SlackErrorCode = 'SLACK_API_ERROR' | 'SLACK_RATE_LIMITED' | 'SLACK_HTTP_ERROR' | 'SLACK_REQUEST_FAILED' | 'SLACK_HANDLER_FAILED';

/** Slack answered `ok: false`, e.g. `not_in_channel`, `channel_not_found`, `invalid_auth`. */
export class SlackApiError extends Error {
  readonly code = 'SLACK_API_ERROR';
  constructor(
    readonly method: string,
    readonly slackError: string,
  ) {
    super(`${method} failed: ${slackError}`);
  }
}

/** Still rate-limited after the retries (or asked to wait too long). */
export class SlackRateLimitedError extends Error {
  readonly code = 'SLACK_RATE_LIMITED';
  constructor(
    readonly method: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`${method} rate-limited; retry after ${retryAfterSeconds} s`);
  }
}

/** An HTTP status other than 200 (after the retries for 5xx). */
export class SlackHttpError extends Error {
  readonly code = 'SLACK_HTTP_ERROR';
  constructor(
    readonly method: string,
    readonly status: number,
  ) {
    super(`${method} answered HTTP ${status}`);
  }
}

/** No answer at all: connection refused, reset or timed out (after the retries). */
export class SlackRequestError extends Error {
  readonly code = 'SLACK_REQUEST_FAILED';
  constructor(
    readonly method: string,
    reason: string,
  ) {
    super(`${method} request failed: ${reason}`);
  }
}

/** What the log gets about a failure: a code, the Slack error name or HTTP status, never a token. */
export interface SlackFailure {
  code: SlackErrorCode;
  message: string;
  method?: string;
  slackError?: string;
  status?: number;
  retryAfterSeconds?: number;
}

/** Maps any thrown value (including the WebClient errors of Bolt's own calls) to a `SlackFailure`. */
export function toSlackFailure(error: unknown): SlackFailure {
  if (error instanceof SlackApiError) return { code: error.code, message: error.message, method: error.method, slackError: error.slackError };
  if (error instanceof SlackRateLimitedError) return { code: error.code, message: error.message, method: error.method, status: 429, retryAfterSeconds: error.retryAfterSeconds };
  if (error instanceof SlackHttpError) return { code: error.code, message: error.message, method: error.method, status: error.status };
  if (error instanceof SlackRequestError) return { code: error.code, message: error.message, method: error.method };
  if (error instanceof webApi.WebAPIPlatformError) return { code: 'SLACK_API_ERROR', message: error.message, slackError: error.data.error };
  if (error instanceof webApi.WebAPIRateLimitedError) return { code: 'SLACK_RATE_LIMITED', message: error.message, status: 429, retryAfterSeconds: error.retryAfter };
  if (error instanceof webApi.WebAPIHTTPError) return { code: 'SLACK_HTTP_ERROR', message: error.message, status: error.statusCode };
  if (error instanceof webApi.WebAPIRequestError) return { code: 'SLACK_REQUEST_FAILED', message: error.original.message };
  return { code: 'SLACK_HANDLER_FAILED', message: error instanceof Error ? error.message : String(error) };
}

const FRIENDLY: Record<Lang, string> = {
  nl: 'Sorry, er ging iets mis aan mijn kant. Probeer het zo nog eens.',
  en: 'Sorry, something went wrong on my side. Please try again in a moment.',
};

/** The one line a user sees when anything fails. */
export function friendlyErrorText(lang: Lang): string {
  return FRIENDLY[lang];
}

// The one place where failures of the Slack Web API, of a response_url and of the bot's own code are
// mapped to an error code and the fields that go to the log. Users only ever see one friendly line.
// https://docs.slack.dev/tools/node-slack-sdk/web-api/#handle-errors
import { webApi } from '@slack/bolt';
import type { Lang } from '../../src/knowledge/schema.js';

export type SlackErrorCode =
  | 'SLACK_API_ERROR'
  | 'SLACK_RATE_LIMITED'
  | 'SLACK_HTTP_ERROR'
  | 'SLACK_REQUEST_FAILED'
  | 'SLACK_RESPONSE_URL_FAILED'
  | 'SLACK_HANDLER_FAILED';

/** A response_url post that Slack refused. */
export class SlackResponseUrlError extends Error {
  readonly code = 'SLACK_RESPONSE_URL_FAILED';
  constructor(readonly status: number) {
    super(`response_url answered HTTP ${status}`);
  }
}

/** What the log gets about a failure: a code, the Slack error name or HTTP status, never a token. */
export interface SlackFailure {
  code: SlackErrorCode;
  message: string;
  /** Slack's error name, e.g. `not_in_channel`, `channel_not_found`, `invalid_auth`. */
  slackError?: string;
  status?: number;
  retryAfterSeconds?: number;
}

/** Maps any thrown value to a `SlackFailure`. */
export function toSlackFailure(error: unknown): SlackFailure {
  if (error instanceof webApi.WebAPIPlatformError) {
    return { code: 'SLACK_API_ERROR', message: error.message, slackError: error.data.error };
  }
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return { code: 'SLACK_RATE_LIMITED', message: error.message, status: 429, retryAfterSeconds: error.retryAfter };
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    return { code: 'SLACK_HTTP_ERROR', message: error.message, status: error.statusCode };
  }
  if (error instanceof webApi.WebAPIRequestError) {
    return { code: 'SLACK_REQUEST_FAILED', message: error.original.message };
  }
  if (error instanceof SlackResponseUrlError) {
    return { code: 'SLACK_RESPONSE_URL_FAILED', message: error.message, status: error.status };
  }
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

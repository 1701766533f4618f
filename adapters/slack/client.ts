// Bolt's WebClient as the bot uses it, configured only through its public options: a `fetch` whose
// connection pool (an undici Agent) times out every call, its own retries for 5xx and network failures (`retryConfig`), and a 429 reported at once
// (`rejectRateLimitedCalls`) so that errors.ts waits out the Retry-After in one place. The same `fetch`
// serves Bolt's respond(), so a response_url post gets the timeout too, and its 429 tells the Retry-After.
// The pool's timeouts cost a call nothing, where an AbortSignal.timeout per call (WebClient's `timeout`)
// costs each call a timer and an abort listener.
// https://docs.slack.dev/tools/node-slack-sdk/web-api#handle-errors · https://docs.slack.dev/apis/web-api/rate-limits
import { webApi } from '@slack/bolt';
import { Agent } from 'undici';
import { parseRetryAfter, slackRateLimited } from './errors.js';

/** The Web API's default base URL. */
const SLACK_API_URL = 'https://slack.com/api/';

export interface SlackClientSettings {
  /** Base URL ending in `/` (SLACK_API_URL). */
  apiUrl?: string;
  /** Milliseconds for each attempt of each call. */
  timeoutMs?: number;
  /** Retries of 5xx and network failures; WebClient's `retryConfig` (p-retry options). */
  retryConfig?: webApi.RetryOptions;
  logger?: webApi.Logger;
}

/** Few quick retries: an answer that cannot be posted within seconds is better replaced by the friendly line. */
const ANSWER_RETRIES: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 };

/**
 * `fetch` through a pool that gives up on a connection, the response headers or a pause in the body after
 * `timeoutMs`; a response_url's 429 becomes a rate-limited error with its Retry-After, which respond()
 * would otherwise drop.
 */
function createSlackFetch(apiUrl: string, timeoutMs: number): typeof fetch {
  const dispatcher = new Agent({ connect: { timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  return async (input, init = {}) => {
    const response = await fetch(input, { ...init, dispatcher });
    const url = input instanceof Request ? input.url : String(input);
    if (response.status === 429 && !url.startsWith(apiUrl)) {
      await response.body?.cancel();
      throw slackRateLimited('response_url', parseRetryAfter(response.headers.get('retry-after')));
    }
    return response;
  };
}

/** The options for `new App({ clientOptions })` and `new WebClient(token, options)`. */
export function createSlackClientOptions(settings: SlackClientSettings = {}): webApi.WebClientOptions {
  const apiUrl = (settings.apiUrl ?? SLACK_API_URL).replace(/\/?$/, '/');
  const timeout = settings.timeoutMs ?? 10_000;
  return {
    slackApiUrl: apiUrl,
    retryConfig: settings.retryConfig ?? ANSWER_RETRIES,
    rejectRateLimitedCalls: true,
    fetch: createSlackFetch(apiUrl, timeout),
    ...(settings.logger ? { logger: settings.logger } : {}),
  };
}

/** A WebClient with the bot token, for sending without the Bolt app (the notices script). */
export function createSlackWebClient(token: string, settings: SlackClientSettings = {}): webApi.WebClient {
  return new webApi.WebClient(token, createSlackClientOptions(settings));
}

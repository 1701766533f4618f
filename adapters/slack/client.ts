// Bolt's WebClient as the bot uses it, configured only through its public options: a `fetch` whose
// connection pool (an undici Agent) times out every call, its own retries for 5xx and network failures (`retryConfig`), and a 429 reported at once
// (`rejectRateLimitedCalls`) so that errors.ts waits out the Retry-After in one place. The same `fetch`
// serves Bolt's respond(), so a response_url post gets the timeout too, and its 429 tells the Retry-After.
// The pool's timeouts cost a call nothing, where an AbortSignal.timeout per call (WebClient's `timeout`)
// costs each call a timer and an abort listener. A call with a text body (every Web API call and
// respond() send one) goes through undici's `request()`, which skips the WHATWG streams that `fetch`
// builds for each request and response; any other body goes through `fetch` on the same pool.
// https://docs.slack.dev/tools/node-slack-sdk/web-api#handle-errors · https://docs.slack.dev/apis/web-api/rate-limits
import { webApi } from '@slack/bolt';
import { Agent, request, type Dispatcher } from 'undici';
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

/** Request headers as undici's `request()` takes them. */
function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => (record[name] = value));
  return record;
}

/** Response headers as a WHATWG `Headers`. */
function responseHeaders(headers: Record<string, string | string[] | undefined>): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return out;
}

/**
 * `fetch` through a pool that gives up on a connection, the response headers or a pause in the body after
 * `timeoutMs`; a response_url's 429 becomes a rate-limited error with its Retry-After, which respond()
 * would otherwise drop.
 */
function createSlackFetch(apiUrl: string, timeoutMs: number): typeof fetch {
  const dispatcher = new Agent({ connect: { timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const rateLimited = (url: string, status: number, retryAfter: string | null): Error | undefined =>
    status === 429 && !url.startsWith(apiUrl) ? slackRateLimited('response_url', parseRetryAfter(retryAfter)) : undefined;
  return async (input, init = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    const { body } = init;
    if (input instanceof Request || (typeof body !== 'string' && body !== undefined && body !== null)) {
      const response = await fetch(input, { ...init, dispatcher } as RequestInit);
      const limited = rateLimited(url, response.status, response.headers.get('retry-after'));
      if (limited) {
        await response.body?.cancel();
        throw limited;
      }
      return response;
    }
    const method = (init.method ?? 'GET') as Dispatcher.HttpMethod;
    const { signal } = init;
    // Failures as fetch reports them: the abort's reason, else "fetch failed" with the cause (a timeout, a refused connection).
    const failed = (error: unknown): never => {
      throw signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error });
    };
    const answer = await request(url, { dispatcher, method, headers: headerRecord(init.headers), body: body ?? undefined, signal: signal ?? undefined }).catch(failed);
    const headers = responseHeaders(answer.headers);
    const limited = rateLimited(url, answer.statusCode, headers.get('retry-after'));
    if (limited) {
      await answer.body.dump();
      throw limited;
    }
    const bytes = await answer.body.arrayBuffer().catch(failed);
    const empty = answer.statusCode === 204 || answer.statusCode === 304 || method === 'HEAD';
    return new Response(empty ? null : bytes, { status: answer.statusCode, headers });
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

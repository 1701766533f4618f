// The one place where failures of the Slack Web API (Bolt's WebClient), of a response_url (Bolt's
// respond()) and of the bot's own code get a code and a meaning: 401/403 and auth errors mean the bot
// is not allowed, 404 and a removed channel mean gone, 429 means wait for the Retry-After, 5xx and
// network failures mean try again. `createSlackCalls` runs every answering call through that mapping,
// waits out a short Retry-After (with an injectable sleep) and sends nothing to a method while it is
// rate-limited.
// https://docs.slack.dev/apis/web-api/#errors · https://docs.slack.dev/apis/web-api/rate-limits
import { RespondError, webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import { systemClock, type Clock } from '../../src/clock.js';
import { CodedError, isCodedError } from '../../src/errors.js';

type SlackErrorCode = 'SLACK_API_ERROR' | 'SLACK_RATE_LIMITED' | 'SLACK_HTTP_ERROR' | 'SLACK_REQUEST_FAILED' | 'SLACK_HANDLER_FAILED';

/** What a failure means for the caller. */
type SlackFailureMeaning = 'rate-limited' | 'unauthorized' | 'gone' | 'temporary' | 'failed';

/** What the log gets about a failure: a code, its meaning, the Slack error name or HTTP status, never a token. */
export interface SlackFailure {
  code: SlackErrorCode;
  meaning: SlackFailureMeaning;
  message: string;
  method?: string;
  slackError?: string;
  status?: number;
  retryAfterSeconds?: number;
}

/** The bot can no longer post there: removed from the channel, channel deleted or archived, user gone. */
const GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'user_not_found']);
/** The token or the app's scopes do not allow the call. */
const UNAUTHORIZED = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'missing_scope', 'no_permission', 'not_allowed_token_type']);
/** Slack's own temporary failures, answered with HTTP 200 and `ok: false`. */
const TEMPORARY = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

function fromStatus(status: number): SlackFailureMeaning {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404 || status === 410) return 'gone';
  if (status === 429) return 'rate-limited';
  return status >= 500 ? 'temporary' : 'failed';
}

function fromSlackError(slackError: string): SlackFailureMeaning {
  if (slackError === 'ratelimited') return 'rate-limited';
  if (GONE.has(slackError)) return 'gone';
  if (UNAUTHORIZED.has(slackError)) return 'unauthorized';
  return TEMPORARY.has(slackError) ? 'temporary' : 'failed';
}

/** Seconds from a Retry-After header value; Slack always sends whole seconds. */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const seconds = Number.parseInt(value, 10);
  return Number.isNaN(seconds) || seconds < 0 ? undefined : seconds;
}

/** A failure that says it is rate-limited, for calls the SDK does not map (response_url posts). */
export function slackRateLimited(method: string, retryAfterSeconds: number | undefined): CodedError {
  return new CodedError('SLACK_RATE_LIMITED', `${method} rate-limited; retry after ${retryAfterSeconds ?? '?'} s`, {
    details: { method, status: 429, retryAfterSeconds },
  });
}

function isSlackFailure(value: unknown): value is SlackFailure {
  return typeof value === 'object' && value !== null && 'code' in value && 'meaning' in value;
}

/** Maps any thrown value (WebClient errors, respond() errors, timeouts, the bot's own) to a `SlackFailure`. */
export function toSlackFailure(error: unknown, method?: string): SlackFailure {
  const at = method === undefined ? {} : { method };
  if (isCodedError(error) && isSlackFailure(error.details.failure)) return error.details.failure;
  if (isCodedError(error, 'SLACK_RATE_LIMITED')) {
    const retryAfterSeconds = error.details.retryAfterSeconds;
    return { code: 'SLACK_RATE_LIMITED', meaning: 'rate-limited', message: error.message, status: 429, ...at, ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}) };
  }
  if (error instanceof Error && 'code' in error) {
    switch (error.code) {
      case webApi.ErrorCode.PlatformError: {
        const slackError = String((error as webApi.WebAPIPlatformError).data.error);
        return { code: 'SLACK_API_ERROR', meaning: fromSlackError(slackError), message: error.message, slackError, ...at };
      }
      case webApi.ErrorCode.RateLimitedError:
        return { code: 'SLACK_RATE_LIMITED', meaning: 'rate-limited', message: error.message, status: 429, retryAfterSeconds: (error as webApi.WebAPIRateLimitedError).retryAfter, ...at };
      case webApi.ErrorCode.HTTPError: {
        const status = (error as webApi.WebAPIHTTPError).statusCode;
        return { code: 'SLACK_HTTP_ERROR', meaning: fromStatus(status), message: error.message, status, ...at };
      }
      case webApi.ErrorCode.RequestError:
        return { code: 'SLACK_REQUEST_FAILED', meaning: 'temporary', message: (error as webApi.WebAPIRequestError).original.message, ...at };
    }
  }
  if (error instanceof RespondError) {
    return { code: 'SLACK_HTTP_ERROR', meaning: fromStatus(error.statusCode), message: error.message, status: error.statusCode, ...at };
  }
  // fetch() itself failed (respond()): refused, reset, or the timeout's abort.
  if (error instanceof TypeError || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))) {
    const reason = error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
    return { code: 'SLACK_REQUEST_FAILED', meaning: 'temporary', message: reason, ...at };
  }
  return { code: 'SLACK_HANDLER_FAILED', meaning: 'failed', message: error instanceof Error ? error.message : String(error), ...at };
}

/** The failure as the one coded error type, the original as its cause. */
function toSlackError(error: unknown, method?: string): CodedError {
  const failure = toSlackFailure(error, method);
  return new CodedError(failure.code, failure.message, { cause: error, details: { failure } });
}

export interface SlackCallsOptions {
  /** Waits for a Retry-After; tests pass one that does not wait in real time. */
  sleep?: (ms: number) => Promise<void>;
  clock?: Clock;
  /** Longest Retry-After that a call waits for; beyond it the call fails and the method stays blocked. */
  maxRetryAfterMs?: number;
  /** Retries after a 429 (5xx and network failures are retried by WebClient itself). */
  rateLimitRetries?: number;
}

/** Runs Slack calls: failures mapped, a short Retry-After waited out, a rate-limited method left alone. */
export interface SlackCalls {
  /**
   * Runs `call` to `method` (a Web API method, or `response_url`); `scope` names what is rate-limited
   * together, the method by default, one response_url for those (it is not logged: it is a credential).
   */
  run<T>(method: string, call: () => Promise<T>, scope?: string): Promise<T>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createSlackCalls(options: SlackCallsOptions = {}): SlackCalls {
  const sleep = options.sleep ?? realSleep;
  const clock = options.clock ?? systemClock;
  const now = (): number => clock.now().getTime();
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
  const retries = options.rateLimitRetries ?? 2;
  // Until when each key is rate-limited; an entry lives as long as its Retry-After.
  const blocked = new LRUCache<string, number>({ max: 10_000 });

  return {
    async run(method, call, scope = method) {
      for (let attempt = 0; ; attempt += 1) {
        const until = blocked.get(scope);
        if (until !== undefined && until > now()) {
          throw toSlackError(slackRateLimited(method, Math.ceil((until - now()) / 1000)), method);
        }
        try {
          return await call();
        } catch (error) {
          const failure = toSlackFailure(error, method);
          if (failure.meaning !== 'rate-limited') throw toSlackError(error, method);
          const waitMs = (failure.retryAfterSeconds ?? 1) * 1000;
          if (attempt >= retries || waitMs > maxRetryAfterMs) {
            blocked.set(scope, now() + waitMs, { ttl: waitMs });
            throw toSlackError(error, method);
          }
          await sleep(waitMs);
        }
      }
    },
  };
}


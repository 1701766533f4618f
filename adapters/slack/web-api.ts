// A small Slack Web API client for the calls the bot makes on every answer (chat.postMessage,
// views.publish, response_url posts): JSON over keep-alive connections, a 429 retried after its
// Retry-After, a 5xx or network failure retried with back-off, `ok: false` turned into an error.
// It does per answer what @slack/web-api's WebClient does at about twice the CPU cost (measured with
// `npm run bench:slack`); Bolt keeps its own WebClient for auth.test and Socket Mode.
// https://docs.slack.dev/apis/web-api/#basics · https://docs.slack.dev/apis/web-api/rate-limits
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { SlackApiError, SlackHttpError, SlackRateLimitedError, SlackRequestError } from './errors.js';

/** The Web API's default base URL. */
export const SLACK_API_URL = 'https://slack.com/api/';

/** A Web API answer: `ok` plus the method's fields. */
export interface SlackApiResult {
  ok: boolean;
  error?: string;
  [field: string]: unknown;
}

export interface SlackApiRetryOptions {
  /** Retries after the first attempt, for 429, 5xx and network failures. */
  maxRetries?: number;
  /** First back-off for 5xx and network failures; doubles each time. */
  baseDelayMs?: number;
  /** Longest Retry-After the client waits for; beyond it the call fails. */
  maxRetryAfterMs?: number;
}

export interface SlackApiClientOptions extends SlackApiRetryOptions {
  token: string;
  /** Base URL ending in `/`, e.g. `https://slack.com/api/` (SLACK_API_URL). */
  apiUrl?: string;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SlackApiClient {
  /** Calls a Web API method with JSON arguments and the bot token. */
  call(method: string, args: Record<string, unknown>): Promise<SlackApiResult>;
  /** Posts JSON to a response_url (no token). */
  postToUrl(url: string, payload: Record<string, unknown>): Promise<void>;
  /** Closes idle keep-alive connections. */
  close(): void;
}

interface RawResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

const sleepMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates the client; connections are kept alive and reused. */
export function createSlackApiClient(options: SlackApiClientOptions): SlackApiClient {
  const base = (options.apiUrl ?? SLACK_API_URL).replace(/\/?$/, '/');
  const maxRetries = options.maxRetries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const sleep = options.sleep ?? sleepMs;
  const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) };

  function send(url: URL, body: string, headers: Record<string, string>): Promise<RawResponse> {
    const secure = url.protocol === 'https:';
    const request = secure ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent: secure ? agents.https : agents.http,
          headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), ...headers },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Sends with retries; resolves to the final non-429, non-5xx response. */
  async function sendWithRetries(what: string, url: URL, body: string, headers: Record<string, string>): Promise<RawResponse> {
    for (let attempt = 0; ; attempt += 1) {
      let response: RawResponse;
      try {
        response = await send(url, body, headers);
      } catch (error) {
        if (attempt >= maxRetries) throw new SlackRequestError(what, error instanceof Error ? error.message : String(error));
        await sleep(baseDelayMs * 2 ** attempt);
        continue;
      }
      if (response.status === 429) {
        const retryAfter = Number.parseInt(String(response.headers['retry-after'] ?? '1'), 10);
        const waitMs = (Number.isNaN(retryAfter) ? 1 : retryAfter) * 1000;
        if (attempt >= maxRetries || waitMs > maxRetryAfterMs) throw new SlackRateLimitedError(what, waitMs / 1000);
        await sleep(waitMs);
        continue;
      }
      if (response.status >= 500 && attempt < maxRetries) {
        await sleep(baseDelayMs * 2 ** attempt);
        continue;
      }
      return response;
    }
  }

  return {
    async call(method, args) {
      const response = await sendWithRetries(method, new URL(method, base), JSON.stringify(args), { authorization: `Bearer ${options.token}` });
      if (response.status !== 200) throw new SlackHttpError(method, response.status);
      let result: SlackApiResult;
      try {
        result = JSON.parse(response.body) as SlackApiResult;
      } catch {
        throw new SlackHttpError(method, response.status);
      }
      if (!result.ok) throw new SlackApiError(method, result.error ?? 'unknown_error');
      return result;
    },
    async postToUrl(url, payload) {
      const response = await sendWithRetries('response_url', new URL(url), JSON.stringify(payload), {});
      if (response.status < 200 || response.status >= 300) throw new SlackHttpError('response_url', response.status);
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

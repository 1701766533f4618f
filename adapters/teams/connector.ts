// Calls to the Bot Connector (replies, proactive messages): one retry policy and one error mapping.
// The SDK's default pipeline retries 5xx, but 429 only when a Retry-After header is present, and with
// delays that are not configurable. This policy takes its place in each connector client's pipeline:
// 429, 5xx (not 501/505) and dropped connections are retried with exponential backoff and jitter,
// Retry-After is honoured, and the total wait stays short because a reply is sent while Teams waits
// for the answer to its POST. https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit
// Messages go out through the connector client's pipeline as plain JSON (sendConnectorActivity), without
// the SDK's model serializer. https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
import { createHttpHeaders, createPipelineRequest, RestError, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import type { Activity, ResourceResponse } from 'botbuilder';
import type { Logger } from '../../src/logger.js';

export interface ConnectorRetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff delay; doubled on every retry. */
  baseDelayMs: number;
  /** Longest single wait; a Retry-After beyond it is not waited for and the error goes up. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

export const DEFAULT_CONNECTOR_RETRY: ConnectorRetryOptions = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

/** The part of an @azure/core-rest-pipeline response this policy reads. */
interface PipelineResponseLike {
  status: number;
  headers: { get(name: string): string | undefined };
}

/** A policy as @azure/core-rest-pipeline takes it. */
export interface PipelinePolicyLike {
  name: string;
  sendRequest(request: unknown, next: (request: unknown) => Promise<PipelineResponseLike>): Promise<PipelineResponseLike>;
}

interface PipelineLike {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: PipelinePolicyLike, options?: { phase?: 'Retry' }): void;
}

export const CONNECTOR_RETRY_POLICY_NAME = 'teamsConnectorRetry';
const SDK_RETRY_POLICY_NAME = 'defaultRetryPolicy';
const RETRIED_NETWORK_ERRORS = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

/** Whether a connector status is worth another try. */
export function isRetriedStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);
}

/** The wait a response asks for in Retry-After (seconds or an HTTP date) or retry-after-ms, if any. */
export function retryAfterMs(headers: PipelineResponseLike['headers'], now: number): number | undefined {
  const ms = headers.get('retry-after-ms') ?? headers.get('x-ms-retry-after-ms');
  if (ms !== undefined && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Exponential backoff with jitter for retry number `retry` (0-based): between half and all of base·2^retry. */
export function backoffMs(retry: number, options: Pick<ConnectorRetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
}

function networkCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The retry policy for one adapter; the same object is installed in every connector client. */
export function createConnectorRetryPolicy(options: ConnectorRetryOptions, logger: Logger): PipelinePolicyLike {
  return {
    name: CONNECTOR_RETRY_POLICY_NAME,
    async sendRequest(request, next) {
      for (let retry = 0; ; retry++) {
        let response: PipelineResponseLike | undefined;
        let failure: unknown;
        try {
          response = await next(request);
        } catch (error) {
          failure = error;
        }
        const code = failure === undefined ? undefined : networkCode(failure);
        const retried = response ? isRetriedStatus(response.status) : code !== undefined && RETRIED_NETWORK_ERRORS.has(code);
        if (!retried || retry >= options.maxRetries) {
          if (response) return response;
          throw failure;
        }
        const asked = response ? retryAfterMs(response.headers, options.now()) : undefined;
        if (asked !== undefined && asked > options.maxDelayMs) {
          logger.warn({ status: response?.status, retryAfterMs: asked }, 'Bot Connector asks to wait longer than the retry limit; not retrying');
          return response as PipelineResponseLike;
        }
        const delay = asked ?? backoffMs(retry, options);
        logger.warn({ status: response?.status, code, retry: retry + 1, delayMs: delay }, 'Bot Connector call failed; retrying');
        await options.sleep(delay);
      }
    },
  };
}

/**
 * Puts `policy` in place of the SDK's retry policy in a connector client's pipeline. The pipeline is
 * not public API of botframework-connector, so this returns false (and the SDK's own retries stay)
 * when the client does not have the expected shape.
 */
export function installConnectorRetry(connectorClient: unknown, policy: PipelinePolicyLike): boolean {
  const pipeline = (connectorClient as { client?: { pipeline?: Partial<PipelineLike> } } | undefined)?.client?.pipeline;
  if (typeof pipeline?.removePolicy !== 'function' || typeof pipeline.addPolicy !== 'function') return false;
  pipeline.removePolicy({ name: SDK_RETRY_POLICY_NAME });
  pipeline.removePolicy({ name: CONNECTOR_RETRY_POLICY_NAME });
  pipeline.addPolicy(policy, { phase: 'Retry' });
  return true;
}

/** What a failed connector call means, as an error code and a line for the log. */
export interface TeamsConnectorError {
  code: 'TEAMS_CONNECTOR_UNAUTHORIZED' | 'TEAMS_CONVERSATION_NOT_FOUND' | 'TEAMS_THROTTLED' | 'TEAMS_CONNECTOR_UNAVAILABLE' | 'TEAMS_CONNECTOR_FAILED';
  status: number | undefined;
  hint: string;
}

/** Maps an error from a connector call (a RestError with `statusCode`) to a code; undefined for other errors. */
export function toTeamsConnectorError(error: unknown): TeamsConnectorError | undefined {
  const e = error as { name?: unknown; statusCode?: unknown; code?: unknown } | null;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  const isRestError = e?.name === 'RestError';
  if (!isRestError && status === undefined) return undefined;
  if (status === 401 || status === 403) {
    return { code: 'TEAMS_CONNECTOR_UNAUTHORIZED', status, hint: 'the Bot Connector refused the bot: check MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId' };
  }
  if (status === 404) return { code: 'TEAMS_CONVERSATION_NOT_FOUND', status, hint: 'the conversation is gone or the app was removed from it' };
  if (status === 429) return { code: 'TEAMS_THROTTLED', status, hint: 'Teams throttled the bot and retries did not help' };
  if (status !== undefined && status >= 500) return { code: 'TEAMS_CONNECTOR_UNAVAILABLE', status, hint: 'the Bot Connector kept failing after retries' };
  return { code: 'TEAMS_CONNECTOR_FAILED', status, hint: `the Bot Connector call failed${typeof e?.code === 'string' ? ` (${e.code})` : ''}` };
}

/** The part of botframework-connector's ConnectorClient that a direct send uses. */
interface ConnectorClientLike {
  baseUri?: unknown;
  client?: { sendRequest?: (request: PipelineRequest) => Promise<PipelineResponse> };
}

/** Header the SDK adds to every activity call (botframework-connector's ConversationIdHttpHeaderName). */
const CONVERSATION_ID_HEADER = 'x-ms-conversation-id';

/** Reads the Bot Connector's `{ error: { code, message } }` body, if it is one. */
function parseConnectorError(text: string | null | undefined): { code?: string; message?: string } {
  try {
    const error = (JSON.parse(text ?? '') as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    return { code: typeof error?.code === 'string' ? error.code : undefined, message: typeof error?.message === 'string' ? error.message : undefined };
  } catch {
    return {};
  }
}

/** The id in a ResourceResponse body; '' when there is none, as the SDK answers then. */
function parseResourceId(text: string | null | undefined): string {
  try {
    const id = (JSON.parse(text ?? '') as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : '';
  } catch {
    return '';
  }
}

/**
 * Sends an activity as the SDK's `replyToActivity` (when it has a `replyToId`) or `sendToConversation` does:
 * same URL, headers and pipeline (credentials, retry policy, user agent), and a `RestError` with the status
 * on a failed call. Only the body is made with JSON.stringify instead of the SDK's model serializer, which
 * takes several times the CPU of the rest of the call. The activity is one the adapter built (renderer plus
 * TurnContext's conversation reference), so it holds only fields of the Activity model. Returns undefined
 * when the client does not have the expected shape; the caller then uses the SDK's own call.
 */
export function sendConnectorActivity(connectorClient: unknown, activity: Partial<Activity>): Promise<ResourceResponse> | undefined {
  const { baseUri, client } = (connectorClient ?? {}) as ConnectorClientLike;
  const conversationId = activity.conversation?.id;
  if (typeof baseUri !== 'string' || typeof client?.sendRequest !== 'function' || typeof conversationId !== 'string') return undefined;
  const path = `v3/conversations/${encodeURIComponent(conversationId)}/activities${activity.replyToId ? `/${encodeURIComponent(activity.replyToId)}` : ''}`;
  const request = createPipelineRequest({
    url: `${baseUri.replace(/\/+$/, '')}/${path}`,
    method: 'POST',
    body: JSON.stringify(activity),
    headers: createHttpHeaders({ 'content-type': 'application/json; charset=utf-8', accept: 'application/json', [CONVERSATION_ID_HEADER]: conversationId }),
    allowInsecureConnection: baseUri.startsWith('http:'),
  });
  return client.sendRequest(request).then((response) => {
    if (response.status < 200 || response.status >= 300) {
      const error = parseConnectorError(response.bodyAsText);
      throw new RestError(error.message ?? `Bot Connector answered ${response.status}`, { code: error.code, statusCode: response.status, request, response });
    }
    return { id: parseResourceId(response.bodyAsText) };
  });
}

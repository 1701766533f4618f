// Sends a rendered message where an answer belongs: chat.postMessage into a channel or thread, or a
// slash command's response_url (ephemeral, so only the asker sees it). The Web API client retries a 429
// after Retry-After itself; response_url posts do the same here.
// https://docs.slack.dev/reference/methods/chat.postMessage · /interactivity/handling-user-interaction#message_responses
import type { webApi } from '@slack/bolt';
import type { Reply } from '../../src/reply.js';
import { SlackResponseUrlError } from './errors.js';
import type { SlackTarget } from './inbound.js';
import { renderSlackMessage, type SlackMessage } from './render.js';

export type SlackWebClient = webApi.WebClient;

export interface ResponseUrlOptions {
  fetch?: typeof fetch;
  /** Retries after a 429; the wait is the response's Retry-After (seconds). */
  maxRateLimitRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

const sleepMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Longest Retry-After the bot waits for; a response_url expires after 30 minutes anyway. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Posts an ephemeral message to a response_url, retrying after Retry-After on 429. */
export async function postToResponseUrl(url: string, message: SlackMessage, options: ResponseUrlOptions = {}): Promise<void> {
  const fetchFn = options.fetch ?? fetch;
  const sleep = options.sleep ?? sleepMs;
  const maxRetries = options.maxRateLimitRetries ?? 3;
  const body = JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetchFn(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body, redirect: 'error' });
    await response.arrayBuffer();
    if (response.ok) return;
    const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
    if (response.status !== 429 || attempt >= maxRetries || Number.isNaN(retryAfter)) throw new SlackResponseUrlError(response.status);
    await sleep(Math.min(retryAfter * 1000, MAX_RETRY_AFTER_MS));
  }
}

/** Posts a rendered message to a channel (in a thread when `threadTs` is set); resolves to the message ts. */
export async function postToChannel(client: SlackWebClient, channel: string, message: SlackMessage, threadTs?: string): Promise<string | undefined> {
  const result = await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return result.ts;
}

/** Sends a rendered message to where an answer belongs. */
export async function deliverSlackMessage(client: SlackWebClient, target: SlackTarget, message: SlackMessage, options: ResponseUrlOptions = {}): Promise<void> {
  if (target.kind === 'response-url') await postToResponseUrl(target.url, message, options);
  else await postToChannel(client, target.channel, message, target.threadTs);
}

/**
 * Posts a core Reply to a channel, a DM (channel id `D…`, or a user id) or a thread: the delivery
 * function for notices and other messages the bot sends on its own. Resolves to the message ts.
 */
export function postSlackMessage(client: SlackWebClient, channel: string, reply: Reply, threadTs?: string): Promise<string | undefined> {
  return postToChannel(client, channel, renderSlackMessage(reply), threadTs);
}

// Deadline notices on Slack: `chat.postMessage` to the subscribed channel (or DM), with the notice's key in
// the message metadata so that an interrupted send can be checked afterwards in the channel history.
// Web API failures are mapped here, once, to the scheduler's outcomes.
// https://docs.slack.dev/reference/methods/chat.postMessage · https://docs.slack.dev/messaging/message-metadata
import type { DeliveryCheck, DeliveryResult, NoticeDelivery } from '../../src/notices/delivery.js';
import { toNoticeKeyString } from '../../src/storage/storage.js';
import { toSlackFailure } from './errors.js';
import { renderSlackMessage } from './render.js';
import type { SlackApiClient } from './web-api.js';

/** The metadata event type of the bot's notices. */
export const SLACK_NOTICE_EVENT = 'erasmus_notice';

/** The bot can no longer post there: removed from the channel, channel deleted or archived. */
const GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive']);
/** Slack's own temporary failures, answered with HTTP 200 and `ok: false`. */
const TEMPORARY = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

/** What a failed post means for the notice: gone, try again (429, 5xx, network, Slack's temporary errors) or failed. */
export function toSlackDeliveryResult(error: unknown): DeliveryResult {
  const failure = toSlackFailure(error);
  const detail = failure.slackError ?? (failure.status === undefined ? failure.message : `HTTP ${failure.status}`);
  const message = `${failure.code}: ${detail}`;
  switch (failure.code) {
    case 'SLACK_API_ERROR':
      if (failure.slackError && GONE.has(failure.slackError)) return { status: 'gone', reason: failure.slackError };
      if (failure.slackError && TEMPORARY.has(failure.slackError)) return { status: 'retry', error: message };
      return { status: 'failed', error: message };
    case 'SLACK_RATE_LIMITED':
      return { status: 'retry', error: message, ...(failure.retryAfterSeconds === undefined ? {} : { retryAfterMs: failure.retryAfterSeconds * 1000 }) };
    case 'SLACK_HTTP_ERROR':
      return failure.status !== undefined && failure.status >= 500 ? { status: 'retry', error: message } : { status: 'failed', error: message };
    case 'SLACK_REQUEST_FAILED':
      return { status: 'retry', error: message };
    case 'SLACK_HANDLER_FAILED':
      return { status: 'failed', error: message };
  }
}

interface SlackHistoryMessage {
  metadata?: { event_type?: unknown; event_payload?: { key?: unknown } };
}

/** Posts notices with the bot token; `confirm` reads the channel history (it needs the history scope of the channel type). */
export function createSlackNoticeDelivery(client: SlackApiClient): NoticeDelivery {
  return {
    async send(target, notice, key) {
      const message = renderSlackMessage(notice);
      try {
        await client.call('chat.postMessage', {
          channel: target.channelId,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          metadata: { event_type: SLACK_NOTICE_EVENT, event_payload: { key: toNoticeKeyString(key) } },
        });
        return { status: 'ok' };
      } catch (error) {
        return toSlackDeliveryResult(error);
      }
    },
    async confirm(target, key, since): Promise<DeliveryCheck> {
      const wanted = toNoticeKeyString(key);
      try {
        const result = await client.call('conversations.history', {
          channel: target.channelId,
          oldest: ((since.getTime() - 60_000) / 1000).toFixed(6),
          include_all_metadata: true,
          limit: 200,
        });
        const messages = Array.isArray(result.messages) ? (result.messages as SlackHistoryMessage[]) : [];
        if (messages.some((m) => m.metadata?.event_type === SLACK_NOTICE_EVENT && m.metadata.event_payload?.key === wanted)) return 'delivered';
        // Only a complete look at the history since the claim may say that the notice is not there.
        return result.has_more === true ? 'unknown' : 'not-delivered';
      } catch {
        // E.g. missing_scope: the bot may not read this channel's history.
        return 'unknown';
      }
    },
  };
}

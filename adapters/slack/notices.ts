// Deadline notices on Slack: `chat.postMessage` to the subscribed channel (or DM), with the notice's key in
// the message metadata so that an interrupted send can be checked afterwards in the channel history
// (conversations.history, which needs the history scope of the channel type). What a failure means
// comes from errors.ts; here it becomes the scheduler's outcome. Retries are the scheduler's.
// https://docs.slack.dev/reference/methods/chat.postMessage · https://docs.slack.dev/messaging/message-metadata
import type { webApi } from '@slack/bolt';
import type { DeliveryCheck, DeliveryResult, NoticeDelivery } from '../../src/notices/delivery.js';
import { toNoticeKeyString } from '../../src/storage/storage.js';
import { toSlackFailure } from './errors.js';
import { renderSlackMessage } from './render.js';

/** The metadata event type of the bot's notices. */
export const SLACK_NOTICE_EVENT = 'erasmus_notice';

/** What a failed post means for the notice: gone, try again (429, 5xx, network, Slack's temporary errors) or failed. */
function toSlackDeliveryResult(error: unknown): DeliveryResult {
  const failure = toSlackFailure(error);
  const detail = failure.slackError ?? (failure.status === undefined ? failure.message : `HTTP ${failure.status}`);
  const message = `${failure.code}: ${detail}`;
  switch (failure.meaning) {
    case 'gone':
      // An HTTP 404 is the API's address, not the channel: only Slack's own word says the channel is gone.
      return failure.slackError ? { status: 'gone', reason: failure.slackError } : { status: 'failed', error: message };
    case 'rate-limited':
      return { status: 'retry', error: message, ...(failure.retryAfterSeconds === undefined ? {} : { retryAfterMs: failure.retryAfterSeconds * 1000 }) };
    case 'temporary':
      return { status: 'retry', error: message };
    case 'unauthorized':
    case 'failed':
      return { status: 'failed', error: message };
  }
}

interface SlackHistoryMessage {
  metadata?: { event_type?: unknown; event_payload?: { key?: unknown } };
}

/** Posts notices with the bot token; `confirm` reads the channel history. */
export function createSlackNoticeDelivery(client: webApi.WebClient): NoticeDelivery {
  return {
    async send(target, notice, key) {
      const message = renderSlackMessage(notice);
      try {
        await client.chat.postMessage({
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
        const result = await client.conversations.history({
          channel: target.channelId,
          oldest: ((since.getTime() - 60_000) / 1000).toFixed(6),
          include_all_metadata: true,
          limit: 200,
        });
        const messages = (result.messages ?? []) as SlackHistoryMessage[];
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

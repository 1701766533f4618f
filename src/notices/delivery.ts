// How a notice reaches a channel: an interface in the core, implemented per platform in the adapters
// (Slack chat.postMessage, Teams continueConversationAsync). Each adapter maps its platform's errors to
// these results in one place.
import type { NoticeReply } from '../reply.js';
import type { ChannelRef, NoticeKey } from '../storage/storage.js';

/**
 * - `ok`: the platform accepted the message;
 * - `retry`: try again later (429, 5xx, network); `retryAfterMs` from the platform's Retry-After when it gave one;
 * - `gone`: the bot can no longer post there (Slack channel_not_found / not_in_channel, Teams 403/404);
 * - `failed`: it will not work by retrying (bad request, bad credentials).
 */
export type DeliveryResult =
  | { status: 'ok' }
  | { status: 'retry'; error: string; retryAfterMs?: number }
  | { status: 'gone'; reason: string }
  | { status: 'failed'; error: string };

/** What a stopped send turned out to be, when the platform can tell. */
export type DeliveryCheck = 'delivered' | 'not-delivered' | 'unknown';

export interface NoticeDelivery {
  /** Posts the notice to the channel; `key` may travel with the message so that `confirm` can find it. */
  send(target: ChannelRef, notice: NoticeReply, key: NoticeKey): Promise<DeliveryResult>;
  /**
   * For a send whose outcome was never recorded (the process stopped mid-send): whether the message
   * with `key` reached the channel since `since` (when the notice was claimed). Platforms that cannot tell
   * leave this out, and so does a platform when it cannot look (then `unknown`).
   */
  confirm?(target: ChannelRef, key: NoticeKey, since: Date): Promise<DeliveryCheck>;
}

// Sends a rendered message where an answer belongs: chat.postMessage into a channel or thread, or a
// slash command's response_url (ephemeral, so only the asker sees it); and a message for one user only
// (chat.postEphemeral), e.g. the confirmation of a 👍/👎 click, which the rest of the channel need not see.
// https://docs.slack.dev/reference/methods/chat.postMessage · /chat.postEphemeral · /interactivity/handling-user-interaction#message_responses
import type { Reply } from '../../src/reply.js';
import type { SlackTarget } from './inbound.js';
import { renderSlackMessage, type SlackMessage } from './render.js';
import type { SlackApiClient } from './web-api.js';

/** Posts a rendered message to a channel (in a thread when `threadTs` is set); resolves to the message ts. */
export async function postToChannel(client: SlackApiClient, channel: string, message: SlackMessage, threadTs?: string): Promise<string | undefined> {
  const result = await client.call('chat.postMessage', {
    channel,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return typeof result.ts === 'string' ? result.ts : undefined;
}

/** Posts an ephemeral message to a response_url; it adds to the conversation rather than replacing. */
export function postToResponseUrl(client: SlackApiClient, url: string, message: SlackMessage): Promise<void> {
  return client.postToUrl(url, { response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
}

/** Sends a rendered message to where an answer belongs. */
export async function deliverSlackMessage(client: SlackApiClient, target: SlackTarget, message: SlackMessage): Promise<void> {
  if (target.kind === 'response-url') await postToResponseUrl(client, target.url, message);
  else await postToChannel(client, target.channel, message, target.threadTs);
}

/** Shows a message to `user` only, where an answer to them belongs: in the channel or thread, or through a response_url. */
export async function deliverSlackEphemeral(client: SlackApiClient, target: SlackTarget, user: string, message: SlackMessage): Promise<void> {
  if (target.kind === 'response-url') {
    await postToResponseUrl(client, target.url, message);
    return;
  }
  await client.call('chat.postEphemeral', {
    channel: target.channel,
    user,
    text: message.text,
    blocks: message.blocks,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
  });
}

/**
 * Posts a core Reply to a channel, a DM (channel id `D…`, or a user id) or a thread: the delivery
 * function for notices and other messages the bot sends on its own. Resolves to the message ts.
 */
export function postSlackMessage(client: SlackApiClient, channel: string, reply: Reply, threadTs?: string): Promise<string | undefined> {
  return postToChannel(client, channel, renderSlackMessage(reply), threadTs);
}

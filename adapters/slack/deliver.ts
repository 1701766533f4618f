// Sends a rendered message where an answer belongs: chat.postMessage into a channel or thread through
// app.client, or a slash command's response_url through Bolt's respond() (ephemeral, so only the asker
// sees it); and a message for one user only (chat.postEphemeral), e.g. the confirmation of a 👍/👎
// click, which the rest of the channel need not see. Every call goes through `SlackCalls`.
// https://docs.slack.dev/reference/methods/chat.postMessage · /chat.postEphemeral · /interactivity/handling-user-interaction#message_responses
import type { RespondFn, webApi } from '@slack/bolt';
import type { SlackCalls } from './errors.js';
import type { SlackTarget } from './inbound.js';
import type { SlackMessage } from './render.js';

/** What a listener sends with: the Web API client, its respond() when the request has a response_url. */
export interface SlackSender {
  client: webApi.WebClient;
  calls: SlackCalls;
  respond?: RespondFn;
}

function postToResponseUrl(sender: SlackSender, url: string, message: SlackMessage): Promise<unknown> {
  const { respond } = sender;
  if (!respond) throw new Error('no respond() for a response_url target');
  return sender.calls.run('response_url', () => respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks }), url);
}

/** Sends a rendered message to where an answer belongs. */
export async function deliverSlackMessage(sender: SlackSender, target: SlackTarget, message: SlackMessage): Promise<void> {
  if (target.kind === 'response-url') {
    await postToResponseUrl(sender, target.url, message);
    return;
  }
  await sender.calls.run('chat.postMessage', () =>
    sender.client.chat.postMessage({
      channel: target.channel,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    }),
  );
}

/** Shows a message to `user` only, where an answer to them belongs: in the channel or thread, or through a response_url. */
export async function deliverSlackEphemeral(sender: SlackSender, target: SlackTarget, user: string, message: SlackMessage): Promise<void> {
  if (target.kind === 'response-url') {
    await postToResponseUrl(sender, target.url, message);
    return;
  }
  await sender.calls.run('chat.postEphemeral', () =>
    sender.client.chat.postEphemeral({
      channel: target.channel,
      user,
      text: message.text,
      blocks: message.blocks,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    }),
  );
}

// Slack events, slash commands and button clicks turned into core inputs, with the place the answer goes.
// Decides what the bot answers at all: no edits, deletions, bot messages or its own messages.
// https://docs.slack.dev/reference/events/message.im · /app_mention · /interactivity/handling-user-interaction
import type { Conversation, Input } from '../../src/input.js';
import { parseSlackActionId } from './render.js';

/** Where an answer goes: a channel (in a thread when `threadTs` is set), or a slash command's response_url. */
export type SlackTarget =
  | { kind: 'channel'; channel: string; threadTs?: string }
  | { kind: 'response-url'; url: string };

/** A core input with the place its answer goes. */
export interface SlackInbound {
  input: Input;
  target: SlackTarget;
}

/** The fields of a `message` or `app_mention` event the bot reads. */
export interface SlackMessageEvent {
  type: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
}

/** The fields of a slash command the bot reads. */
export interface SlackSlashCommand {
  command: string;
  text: string;
  user_id: string;
  channel_id: string;
  channel_name?: string;
  response_url: string;
}

/** The fields of a `block_actions` payload the bot reads. */
export interface SlackBlockActionBody {
  type: string;
  user: { id: string };
  actions: ReadonlyArray<{ action_id: string; value?: string }>;
  channel?: { id: string };
  message?: { ts: string; thread_ts?: string };
  container?: { type?: string; is_ephemeral?: boolean; channel_id?: string; message_ts?: string; thread_ts?: string };
  response_url?: string;
}

/** Conversation kind from a channel id or a `channel_type`: D… is a DM, G…/mpim a group DM, the rest channels. */
function toConversationKind(channelId: string, channelType?: string): Conversation['kind'] {
  if (channelType === 'im' || (channelType === undefined && channelId.startsWith('D'))) return 'personal';
  if (channelType === 'mpim') return 'group';
  return 'channel';
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * Slack's wire format as the text a person typed: mentions of the bot removed, `<url|label>` as the label,
 * `<#C1|name>` as `#name`, other user and special mentions dropped, entities decoded, spaces collapsed.
 */
export function parseSlackText(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_match, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return target.slice(1) === botUserId || !label ? ' ' : `@${label}`;
      if (target.startsWith('#')) return label ? `#${label}` : ' ';
      if (target.startsWith('!')) return ' ';
      return label ?? target.replace(/^mailto:/, '');
    })
    .replace(/&(amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The text without a typed `/erasmus` in front: slash commands do not work in threads, so people type
 * them as a message. The core never sees the platform's command name.
 */
function stripSlashCommand(text: string): string {
  return text.replace(/^\/erasmus\b\s*/i, '');
}

/**
 * A direct message (`message` with channel_type `im`) or an `@mention` as an input, or undefined when the
 * bot must not answer it: edits, deletions and other subtypes, bot messages, its own messages, channel
 * messages without a mention, and mentions inside a DM (those also arrive as `message.im`).
 */
export function parseSlackMessageEvent(event: SlackMessageEvent, botUserId: string | undefined): SlackInbound | undefined {
  if (event.subtype !== undefined || event.bot_id !== undefined || !event.user) return undefined;
  if (botUserId !== undefined && event.user === botUserId) return undefined;
  const text = stripSlashCommand(parseSlackText(event.text ?? '', botUserId));
  if (event.type === 'message') {
    if (event.channel_type !== 'im') return undefined;
    return {
      input: { text, conversation: { platform: 'slack', channelId: event.channel, userId: event.user, kind: 'personal' } },
      target: { kind: 'channel', channel: event.channel, ...(event.thread_ts ? { threadTs: event.thread_ts } : {}) },
    };
  }
  if (event.type === 'app_mention') {
    if (toConversationKind(event.channel, event.channel_type) === 'personal') return undefined;
    return {
      input: {
        text,
        conversation: { platform: 'slack', channelId: event.channel, userId: event.user, kind: toConversationKind(event.channel, event.channel_type) },
      },
      target: { kind: 'channel', channel: event.channel, threadTs: event.thread_ts ?? event.ts },
    };
  }
  return undefined;
}

/**
 * `/erasmus <text>` as an input. The text goes to the core as typed: the core knows its commands
 * (`help`, `roadmap`, `tools`, and those its skills add) and answers an empty text with help.
 */
export function parseSlackSlashCommand(command: SlackSlashCommand): SlackInbound {
  const kind = command.channel_name === 'directmessage' ? 'personal' : command.channel_name?.startsWith('mpdm-') ? 'group' : toConversationKind(command.channel_id);
  const conversation: Conversation = { platform: 'slack', channelId: command.channel_id, userId: command.user_id, kind };
  return { input: { text: stripSlashCommand(parseSlackText(command.text)), conversation }, target: { kind: 'response-url', url: command.response_url } };
}

/**
 * A click on one of the bot's buttons as an input (`action` is the button's value), or undefined for other
 * buttons. The answer goes in the same thread (a channel message gets one); for an ephemeral message (a slash command answer) through
 * its response_url; for the App Home tab in the DM with the user.
 */
export function parseSlackBlockAction(body: SlackBlockActionBody): SlackInbound | undefined {
  const action = body.actions.find((a) => parseSlackActionId(a.action_id) !== undefined && a.value);
  const lang = action && parseSlackActionId(action.action_id)?.lang;
  if (!action?.value || !lang) return undefined;
  const userId = body.user.id;
  const container = body.container ?? {};
  if (container.type === 'view') {
    return {
      input: { action: action.value, lang, conversation: { platform: 'slack', channelId: userId, userId, kind: 'personal' } },
      target: { kind: 'channel', channel: userId },
    };
  }
  const channel = body.channel?.id ?? container.channel_id;
  if (!channel) return undefined;
  const messageId = body.message?.ts ?? container.message_ts;
  const input: Input = {
    action: action.value,
    lang,
    conversation: { platform: 'slack', channelId: channel, userId, kind: toConversationKind(channel) },
    ...(messageId ? { messageId } : {}),
  };
  if (container.is_ephemeral || !body.message) {
    return body.response_url ? { input, target: { kind: 'response-url', url: body.response_url } } : undefined;
  }
  // In a DM a top-level answer stays top-level; in a channel it never leaves the thread.
  const threadTs = body.message.thread_ts ?? (input.conversation.kind === 'personal' ? undefined : body.message.ts);
  return { input, target: { kind: 'channel', channel, ...(threadTs ? { threadTs } : {}) } };
}

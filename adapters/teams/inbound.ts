// Turns a Bot Framework activity from Teams into what the core and the adapter act on: a message or a
// card click as a core Input, an installation (welcome card) or removal, a message-extension search, or
// nothing.
// In group chats and channels only messages that @mention the bot are answered; the mention is stripped.
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations
import type { Activity } from 'botbuilder';
import type { Conversation, Input } from '../../src/input.js';
import type { Lang } from '../../src/knowledge/schema.js';

/** Longest message text read; anything longer is far over the core's limit, which then says so. */
const MAX_TEXT_LENGTH = 4 * 1024;
/** Longest id (conversation, activity, user) accepted; Teams ids stay well under it. */
const MAX_ID_LENGTH = 1024;

/** The parameter name of the search command in manifest/teams/manifest.json. */
export const TEAMS_SEARCH_PARAMETER = 'searchQuery';

export type TeamsInbound =
  | { kind: 'message'; input: Input }
  | { kind: 'install'; lang: Lang | undefined; conversation: Conversation }
  | { kind: 'uninstall'; conversation: Conversation }
  | { kind: 'search'; query: string; lang: Lang | undefined; conversation: Conversation }
  | { kind: 'ignore'; reason: string };

interface TeamsMention {
  type: 'mention';
  mentioned?: { id?: string };
  text?: string;
}

function isMention(entity: unknown): entity is TeamsMention {
  return typeof entity === 'object' && entity !== null && (entity as { type?: unknown }).type === 'mention';
}

/** The conversation's language from the client's locale (`nl-NL` → `nl`), when it is Dutch or English. */
export function toLang(locale: string | undefined): Lang | undefined {
  const prefix = locale?.slice(0, 2).toLowerCase();
  return prefix === 'nl' || prefix === 'en' ? prefix : undefined;
}

/** Where the activity was written, in the core's terms; `verified` is false when no token vouched for the sender. */
export function toConversation(activity: Partial<Activity>, verified = true): Conversation {
  const type = activity.conversation?.conversationType;
  const kind = type === 'channel' ? 'channel' : type === 'groupChat' || (type === undefined && activity.conversation?.isGroup) ? 'group' : 'personal';
  // A message in a channel thread carries `;messageid=…`: the thread, not the channel. Subscriptions and
  // projects belong to the channel, so the thread part is dropped from the id the core sees.
  const id = activity.conversation?.id ?? '';
  return {
    platform: 'teams',
    channelId: kind === 'channel' ? id.replace(/;messageid=\d+$/, '') : id,
    // The Entra object id is the same for every bot; `from.id` (`29:…`) is per bot. Emulator users have only `id`.
    userId: activity.from?.aadObjectId ?? activity.from?.id ?? '',
    ...(activity.from?.aadObjectId && activity.from.id ? { userAliases: [activity.from.id] } : {}),
    kind,
    ...(verified ? {} : { unverified: true as const }),
  };
}

/** Whether the activity @mentions the bot (the recipient). */
function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some((entity) => isMention(entity) && botId !== undefined && entity.mentioned?.id === botId);
}

const HTML_ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

/**
 * The message text without the bot's @mention. Other people's mentions keep their name; the `<at>` tags
 * and the few HTML entities Teams puts in message text are removed.
 */
export function stripBotMention(activity: Partial<Activity>): string {
  let text = (activity.text ?? '').slice(0, MAX_TEXT_LENGTH);
  const botId = activity.recipient?.id;
  for (const entity of activity.entities ?? []) {
    if (isMention(entity) && entity.mentioned?.id === botId && entity.text) text = text.split(entity.text).join(' ');
  }
  return text
    .replace(/<at>(.*?)<\/at>/gi, '$1')
    .replace(/&(nbsp|amp|lt|gt|quot|#39|apos);/g, (entity) => HTML_ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The action id of an Adaptive Card Action.Submit click, if the activity is one. */
function toCardAction(activity: Partial<Activity>): string | undefined {
  const value: unknown = activity.value;
  if (typeof value !== 'object' || value === null) return undefined;
  const action = (value as { action?: unknown }).action;
  return typeof action === 'string' && action.trim() !== '' ? action.trim() : undefined;
}

function searchQuery(value: unknown): { query: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const parameters = (value as { parameters?: unknown }).parameters;
  if (!Array.isArray(parameters)) return { query: '' };
  const named = parameters as Array<{ name?: unknown; value?: unknown } | null>;
  // The first open of the extension (initialRun) sends no query text.
  const parameter = named.find((p) => p?.name === TEAMS_SEARCH_PARAMETER);
  return { query: typeof parameter?.value === 'string' ? parameter.value.trim() : '' };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const STRING_FIELDS = ['id', 'text', 'locale', 'name', 'action', 'replyToId', 'channelId', 'deliveryMode', 'textFormat'] as const;
const ARRAY_FIELDS = ['entities', 'membersAdded', 'membersRemoved', 'attachments'] as const;
const ACCOUNT_FIELDS = ['from', 'recipient'] as const;

/** Why `body` is not an activity this adapter can read, or undefined when it is one. */
function activityProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'body is not an activity object';
  const conversation = body.conversation;
  if (typeof body.type !== 'string' || typeof body.serviceUrl !== 'string' || !isObject(conversation) || typeof conversation.id !== 'string') {
    return 'activity needs type, serviceUrl and conversation.id';
  }
  if (conversation.id === '' || conversation.id.length > MAX_ID_LENGTH || conversation.id === '.' || conversation.id === '..') return 'conversation.id is not a conversation id';
  for (const field of STRING_FIELDS) {
    const value = body[field];
    if (value !== undefined && value !== null && typeof value !== 'string') return `${field} must be a string`;
    if (typeof value === 'string' && field !== 'text' && value.length > MAX_ID_LENGTH) return `${field} is too long`;
  }
  if (body.id === '.' || body.id === '..') return 'id is not an activity id';
  for (const field of ARRAY_FIELDS) {
    if (body[field] !== undefined && body[field] !== null && !Array.isArray(body[field])) return `${field} must be a list`;
  }
  for (const field of ACCOUNT_FIELDS) {
    const account = body[field];
    if (account === undefined || account === null) continue;
    if (!isObject(account) || (account.id !== undefined && typeof account.id !== 'string') || (account.aadObjectId !== undefined && typeof account.aadObjectId !== 'string')) {
      return `${field} must be an account with a string id`;
    }
  }
  return undefined;
}

/** Parses a request body into an activity, or says why it is not one (the route answers 400). */
export function parseTeamsBody(raw: Buffer): Activity | string {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return 'body is not JSON';
  }
  // Checked field by field above: what the adapter and the SDK read has the type they expect.
  return activityProblem(body) ?? (body as Activity);
}

/** Classifies one incoming activity; `verified` says whether a Bot Framework token vouched for it. */
export function parseTeamsActivity(activity: Partial<Activity>, verified = true): TeamsInbound {
  const conversation = toConversation(activity, verified);
  const lang = toLang(activity.locale);
  switch (activity.type) {
    case 'message': {
      const action = toCardAction(activity);
      // `replyToId` is the card the button was on: a 👍/👎 vote is kept per card, and the card is updated.
      // The client's locale: it answers when neither the text nor the conversation so far tells the language.
      if (action) return { kind: 'message', input: { action, ...(lang ? { locale: lang } : {}), conversation, ...(activity.replyToId ? { messageId: activity.replyToId } : {}) } };
      if (conversation.kind !== 'personal' && !mentionsBot(activity)) return { kind: 'ignore', reason: 'not addressed to the bot' };
      return { kind: 'message', input: { text: stripBotMention(activity), ...(lang ? { locale: lang } : {}), conversation } };
    }
    case 'installationUpdate': {
      if (activity.action === 'remove') return { kind: 'uninstall', conversation };
      if (activity.action !== 'add') return { kind: 'ignore', reason: `installation ${activity.action ?? 'update'}` };
      if (conversation.kind === 'group') return { kind: 'ignore', reason: 'installed in a group chat' };
      return { kind: 'install', lang, conversation };
    }
    case 'conversationUpdate': {
      // Teams announces an install with installationUpdate; the Emulator only says the bot joined.
      const botJoined = (activity.membersAdded ?? []).some((member) => (member as { id?: unknown } | null)?.id === activity.recipient?.id);
      if (activity.channelId === 'emulator' && botJoined) return { kind: 'install', lang, conversation };
      return { kind: 'ignore', reason: 'members changed' };
    }
    case 'invoke': {
      if (activity.name !== 'composeExtension/query') return { kind: 'ignore', reason: `invoke ${activity.name ?? ''}` };
      const search = searchQuery(activity.value);
      if (!search) return { kind: 'ignore', reason: 'search without parameters' };
      return { kind: 'search', query: search.query, lang, conversation };
    }
    default:
      return { kind: 'ignore', reason: `activity ${activity.type ?? 'without type'}` };
  }
}

// Turns a web chat request body (JSON from the page) into what the core and the adapter act on: a
// message or a click as a core Input, or the conversation whose inbox or road the page asks for. The
// conversation id is the random id the browser keeps in localStorage; it names the conversation (a
// personal chat on the `web` platform) and its user alike.
import { MAX_QUESTION_LENGTH } from '../../src/assistant.js';
import type { Conversation, Input } from '../../src/input.js';
import type { Lang } from '../../src/knowledge/schema.js';

/** At least 128 random bits in base64url (22 characters); the page makes 32 bytes (43 characters). */
const CONVERSATION_ID = /^[A-Za-z0-9_-]{22,64}$/;
/** Action ids are short ASCII (`entry:final-report`, `feedback:up:nl:kick-off`, `distance:1:2`). */
const ACTION = /^[a-z]+:[A-Za-z0-9:._-]{1,200}$/;
const MESSAGE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Text longer than the cap still reaches the core, which asks to shorten it; far longer is refused here. */
const MAX_TEXT = MAX_QUESTION_LENGTH * 4;

export type WebInbound =
  | { kind: 'message'; input: Input }
  | { kind: 'conversation'; conversation: Conversation; lang: Lang | undefined; locale: Lang | undefined }
  | { kind: 'invalid'; reason: string };

/** The conversation of a web chat id. */
function toWebConversation(id: string): Conversation {
  // The browser chose the id itself: no platform vouches for who it is.
  return { platform: 'web', channelId: id, userId: id, kind: 'personal', unverified: true };
}

function parseJson(raw: Buffer): Record<string, unknown> | string {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return 'body is not JSON';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body is not a JSON object';
  return body as Record<string, unknown>;
}

const isLang = (value: unknown): value is Lang | undefined => value === undefined || value === 'nl' || value === 'en';

function parseBase(body: Record<string, unknown>): { conversation: Conversation; lang: Lang | undefined; locale: Lang | undefined } | string {
  const { conversation, lang, locale } = body;
  if (typeof conversation !== 'string' || !CONVERSATION_ID.test(conversation)) return 'conversation must be a random id of 22 to 64 base64url characters';
  if (!isLang(lang)) return 'lang must be nl or en';
  if (!isLang(locale)) return 'locale must be nl or en';
  return { conversation: toWebConversation(conversation), lang, locale };
}

/** A request that names only a conversation (the inbox, the road). */
export function parseWebConversation(raw: Buffer): WebInbound {
  const body = parseJson(raw);
  if (typeof body === 'string') return { kind: 'invalid', reason: body };
  const base = parseBase(body);
  return typeof base === 'string' ? { kind: 'invalid', reason: base } : { kind: 'conversation', ...base };
}

/**
 * A message (`text`) or a click (`action`, with the `messageId` the button was on). `lang` is a language
 * the page knows the input is in (the language switch, a button's message); `locale` the page's language.
 */
export function parseWebMessage(raw: Buffer): WebInbound {
  const body = parseJson(raw);
  if (typeof body === 'string') return { kind: 'invalid', reason: body };
  const base = parseBase(body);
  if (typeof base === 'string') return { kind: 'invalid', reason: base };
  const { text, action, messageId } = body;
  const langPart = { ...(base.lang ? { lang: base.lang } : {}), ...(base.locale ? { locale: base.locale } : {}) };
  if (action !== undefined) {
    if (typeof action !== 'string' || !ACTION.test(action)) return { kind: 'invalid', reason: 'action is not an action id' };
    if (messageId !== undefined && (typeof messageId !== 'string' || !MESSAGE_ID.test(messageId))) return { kind: 'invalid', reason: 'messageId is not a message id' };
    return { kind: 'message', input: { action, ...langPart, conversation: base.conversation, ...(messageId ? { messageId } : {}) } };
  }
  if (typeof text !== 'string') return { kind: 'invalid', reason: 'send text or action' };
  if (text.length > MAX_TEXT) return { kind: 'invalid', reason: `text is longer than ${MAX_TEXT} characters` };
  return { kind: 'message', input: { text, ...langPart, conversation: base.conversation } };
}

// Turns a core Reply into a Teams message: one Adaptive Card 1.5 (TextBlocks with Teams markdown, links as
// Action.OpenUrl, follow-ups as Action.Submit carrying the action id) plus plain text: the activity's
// `summary` for notifications and the card's `fallbackText` for clients that cannot show the card.
// Every kind has a case in one exhaustive switch; every message stays under Teams' 28 KB payload limit.
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages
import { shorten } from '../../src/present.js';
import type { Lang } from '../../src/knowledge/schema.js';
import { stripMarkdown, toPlainText } from '../../src/plain-text.js';
import { assertNever, replyFeedbackButtons, type AnswerReply, type DatedItem, type FollowUp, type HelpReply, type Reply, type ReplyItem, type ReplyLink } from '../../src/reply.js';
import { t } from '../../src/texts.js';
import {
  actionSets,
  boldBlock,
  escapeTeamsMarkdown,
  heading,
  inlineBlock,
  markdownBlocks,
  openUrlAction,
  submitAction,
  TEAMS_CARD_CONTENT_TYPE,
  TEAMS_CARD_VERSION,
  TEAMS_MAX_ACTIONS,
  textBlock,
  type TeamsAdaptiveCard,
  type TeamsAttachment,
  type TeamsCardElement,
  type TeamsContainer,
  type TeamsSubmitAction,
} from './card.js';
import { createRenderedCache } from '../rendered.js';

/** Teams refuses bot messages larger than this (the whole activity, as JSON). */
export const TEAMS_MAX_PAYLOAD_BYTES = 28 * 1024;
/** Room left for the envelope the SDK adds (ids, conversation, service URL). */
const ENVELOPE_RESERVE_BYTES = 2 * 1024;
/** Longest notification summary; the activity feed shows one line. */
const MAX_SUMMARY_LENGTH = 150;

/** A message activity as `context.sendActivity` takes it. */
export interface TeamsMessage {
  type: 'message';
  /** Plain text for notifications and the activity feed. */
  summary: string;
  attachments: [TeamsAttachment];
}

export interface TeamsRenderOptions {
  /** False for cards that leave the conversation (message extension): no Submit buttons then. */
  interactive?: boolean;
}

/** How much detail a card carries; lower levels keep an oversized reply under the payload limit. */
type Detail = 'full' | 'compact' | 'minimal';

interface RenderContext {
  lang: Lang;
  interactive: boolean;
  detail: Detail;
  /** Most list items shown (phases, steps, tools); the rest are counted in one line. */
  maxItems: number;
}

function submits(ctx: RenderContext, followUps: readonly FollowUp[]): TeamsSubmitAction[] {
  return ctx.interactive ? followUps.map((followUp) => submitAction(followUp.label, followUp.action)) : [];
}

function linkSets(links: readonly ReplyLink[]): TeamsCardElement[] {
  return actionSets(links.map((link) => openUrlAction(link.label, link.url)));
}

/** One entry of a list: its blocks in a separated container that opens the entry when clicked. */
function listEntry(ctx: RenderContext, items: TeamsCardElement[], title: string, action: string): TeamsContainer {
  return { type: 'Container', items, separator: true, spacing: 'Medium', ...(ctx.interactive ? { selectAction: submitAction(title, action) } : {}) };
}

function item(ctx: RenderContext, entry: ReplyItem, number: number | undefined): TeamsContainer {
  const items: TeamsCardElement[] = [boldBlock(`${number === undefined ? '' : `${number}. `}${entry.title}`)];
  if (ctx.detail !== 'minimal' && entry.summary) items.push(textBlock(entry.summary, { isSubtle: true, spacing: 'None' }));
  if (ctx.detail === 'full' && entry.links.length > 0) items.push(...linkSets(entry.links));
  return listEntry(ctx, items, entry.title, entry.action);
}

function dated(ctx: RenderContext, entry: DatedItem): TeamsContainer {
  const items: TeamsCardElement[] = [boldBlock(entry.title), textBlock(`${entry.due} · ${entry.left}`, { spacing: 'None' })];
  if (ctx.detail !== 'minimal') {
    for (const note of entry.notes) items.push(inlineBlock(note, { isSubtle: true, spacing: 'None' }));
    if (entry.notices) items.push(textBlock(entry.notices, { isSubtle: true, size: 'Small', spacing: 'None' }));
  }
  return listEntry(ctx, items, entry.title, entry.action);
}

/** A list of at most `ctx.maxItems` entries, the rest counted in one line. */
function list<T>(ctx: RenderContext, entries: readonly T[], render: (entry: T, index: number) => TeamsContainer): TeamsCardElement[] {
  const shown = entries.slice(0, ctx.maxItems).map(render);
  const hidden = entries.length - shown.length;
  return hidden > 0 ? [...shown, textBlock(t(ctx.lang, 'moreItems', { count: hidden }), { isSubtle: true })] : shown;
}

const itemList = (ctx: RenderContext, items: readonly ReplyItem[], numbered: boolean): TeamsCardElement[] =>
  list(ctx, items, (entry, i) => item(ctx, entry, numbered ? i + 1 : undefined));
const datedList = (ctx: RenderContext, items: readonly DatedItem[]): TeamsCardElement[] => list(ctx, items, (entry) => dated(ctx, entry));

/** Body and follow-ups of the card for one reply kind. */
function cardContent(reply: Reply, ctx: RenderContext): { body: TeamsCardElement[]; followUps: TeamsSubmitAction[] } {
  switch (reply.kind) {
    case 'answer': {
      const body: TeamsCardElement[] = [
        ...(reply.lead ? [textBlock(reply.lead, { weight: 'Bolder' })] : []),
        textBlock(reply.phaseTitle, { size: 'Small', isSubtle: true }),
        { ...heading(reply.title), spacing: 'None' },
        ...markdownBlocks(ctx.detail === 'minimal' ? firstParagraph(reply.body) : reply.body),
      ];
      if (reply.notes.length > 0 && ctx.detail !== 'minimal') {
        body.push(boldBlock(t(ctx.lang, 'labelSince')), ...markdownBlocks(reply.notes.map((note) => `- ${note}`).join('\n')));
      }
      body.push(...linkSets(reply.links));
      body.push(textBlock(reply.source, { size: 'Small', isSubtle: true }));
      body.push(...feedbackElements(ctx, reply));
      return { body, followUps: submits(ctx, reply.followUps) };
    }
    case 'suggestions':
    case 'not-found':
      return { body: markdownBlocks(reply.text), followUps: submits(ctx, reply.options) };
    case 'help':
      return { body: [heading(reply.title), ...markdownBlocks(reply.body)], followUps: submits(ctx, reply.examples) };
    case 'roadmap':
      return { body: [heading(reply.title), textBlock(reply.intro), ...itemList(ctx, reply.phases, true)], followUps: [] };
    case 'phase':
      return {
        body: [
          textBlock(t(ctx.lang, 'phasePosition', { position: reply.position, total: reply.total }), { size: 'Small', isSubtle: true }),
          { ...heading(reply.title), spacing: 'None' },
          textBlock(reply.summary),
          ...itemList(ctx, reply.steps, false),
        ],
        followUps: submits(ctx, reply.followUps),
      };
    case 'tools':
      return { body: [heading(reply.title), textBlock(reply.intro), ...itemList(ctx, reply.tools, false)], followUps: [] };
    case 'message':
    case 'smalltalk':
      return { body: markdownBlocks(reply.text), followUps: submits(ctx, reply.followUps) };
    case 'out-of-scope':
      return { body: [...markdownBlocks(reply.text), ...linkSets(reply.links)], followUps: submits(ctx, reply.followUps) };
    case 'deadlines':
      return {
        body: [heading(reply.title), ...markdownBlocks(reply.intro), ...datedList(ctx, reply.items), ...markdownBlocks(reply.subscription)],
        followUps: submits(ctx, reply.followUps),
      };
    case 'project':
      return {
        body: [
          heading(reply.title),
          textBlock(reply.period, { isSubtle: true, spacing: 'None' }),
          ...(reply.intro ? markdownBlocks(reply.intro) : []),
          ...datedList(ctx, reply.milestones),
          ...markdownBlocks(reply.subscription),
        ],
        followUps: submits(ctx, reply.followUps),
      };
    case 'notice': {
      const body: TeamsCardElement[] = [heading(reply.title), textBlock(reply.due, { spacing: 'None' })];
      if (reply.late) body.push(textBlock(reply.late, { isSubtle: true }));
      body.push(...markdownBlocks(ctx.detail === 'minimal' ? firstParagraph(reply.body) : reply.body));
      for (const note of reply.notes) body.push(inlineBlock(note, { isSubtle: true }));
      body.push(...linkSets(reply.links));
      return { body, followUps: submits(ctx, reply.followUps) };
    }
    case 'distance': {
      const body: TeamsCardElement[] = [heading(reply.title), ...markdownBlocks(reply.body)];
      if (reply.notes.length > 0 && ctx.detail !== 'minimal') body.push(...markdownBlocks(reply.notes.map((note) => `- ${note}`).join('\n')));
      body.push(...linkSets(reply.links));
      body.push(textBlock(`${reply.source} · ${reply.attribution}`, { size: 'Small', isSubtle: true }));
      return { body, followUps: submits(ctx, reply.alternatives) };
    }
    case 'feedback-ack':
      // Sent as an update of the answer's card: the same answer, with the vote confirmed.
      return reply.answer ? cardContent(reply.answer, ctx) : { body: [textBlock(reply.text)], followUps: [] };
    case 'report':
      return {
        body: [
          heading(reply.title),
          ...markdownBlocks(reply.intro),
          ...reply.sections.flatMap((part): TeamsCardElement[] => [
            boldBlock(part.title, { separator: true, spacing: 'Medium' }),
            ...markdownBlocks(part.body),
          ]),
        ],
        followUps: [],
      };
    default:
      return assertNever(reply);
  }
}

/** The 👍/👎 line under an answer: the question (or, after a vote, its confirmation) and the buttons. */
function feedbackElements(ctx: RenderContext, reply: AnswerReply): TeamsCardElement[] {
  if (!reply.feedback || !ctx.interactive) return [];
  const buttons = replyFeedbackButtons(reply).map((button) => submitAction(button.label, button.action));
  return [textBlock(reply.feedback.saved ?? reply.feedback.prompt, { size: 'Small', separator: true }), ...actionSets(buttons)];
}

function firstParagraph(markdown: string): string {
  return markdown.split(/\n\s*\n|\n(?=\s*- )/)[0] ?? markdown;
}

/** The first non-empty line of a reply's plain text, shortened to a summary. */
function summaryLine(plain: string): string {
  const first = plain.split('\n').find((line) => line.trim() !== '') ?? '';
  const line = stripMarkdown(first).trim();
  return shorten(line, MAX_SUMMARY_LENGTH);
}

function buildCard(reply: Reply, ctx: RenderContext, intro: string | undefined, fallbackText: string): TeamsAdaptiveCard {
  const { body, followUps } = cardContent(reply, ctx);
  // Buttons beyond what the card's own action bar shows go into the body, so none is hidden.
  const bar = followUps.slice(0, TEAMS_MAX_ACTIONS);
  const rest = followUps.slice(TEAMS_MAX_ACTIONS);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: TEAMS_CARD_VERSION,
    // The schema lets clients read fallbackText as markdown: escaped like every TextBlock.
    fallbackText: escapeTeamsMarkdown(fallbackText),
    body: [...(intro ? [heading(intro)] : []), ...body, ...actionSets(rest)],
    ...(bar.length > 0 ? { actions: bar } : {}),
    msteams: { width: 'Full' },
  };
}

function toMessage(summary: string, card: TeamsAdaptiveCard): TeamsMessage {
  return { type: 'message', summary, attachments: [{ contentType: TEAMS_CARD_CONTENT_TYPE, content: card }] };
}

/** Size of a message as Teams counts it: the activity's JSON in bytes. */
export function teamsPayloadBytes(message: TeamsMessage): number {
  return Buffer.byteLength(JSON.stringify(message), 'utf8');
}

/**
 * At least the JSON size of `value` in bytes, without building the JSON: one UTF-16 unit of a string takes at
 * most 6 bytes (`\u001f`). Most messages are far under the limit by this count, and are not serialized here.
 */
function jsonBytesBound(value: unknown): number {
  if (typeof value === 'string') return 2 + 6 * value.length;
  if (typeof value === 'number' || typeof value === 'bigint') return 24;
  if (value === null || typeof value !== 'object') return 5;
  let bytes = 2;
  if (Array.isArray(value)) {
    for (const item of value) bytes += jsonBytesBound(item) + 1;
    return bytes;
  }
  for (const key in value) {
    if (Object.hasOwn(value, key)) bytes += 4 + 6 * key.length + jsonBytesBound((value as Record<string, unknown>)[key]);
  }
  return bytes;
}

/** Renders with less and less detail until the message fits Teams' payload limit. */
function renderFitting(reply: Reply, options: TeamsRenderOptions, intro?: string): TeamsMessage {
  const budget = TEAMS_MAX_PAYLOAD_BYTES - ENVELOPE_RESERVE_BYTES;
  const plain = toPlainText(reply);
  const summary = intro ?? summaryLine(plain);
  const interactive = options.interactive ?? true;
  const attempts: Array<{ detail: Detail; maxItems: number; fallbackLength: number }> = [
    { detail: 'full', maxItems: Number.POSITIVE_INFINITY, fallbackLength: Number.POSITIVE_INFINITY },
    { detail: 'full', maxItems: Number.POSITIVE_INFINITY, fallbackLength: 2000 },
    { detail: 'compact', maxItems: 40, fallbackLength: 1000 },
    { detail: 'minimal', maxItems: 20, fallbackLength: 500 },
    { detail: 'minimal', maxItems: 5, fallbackLength: 200 },
  ];
  let message: TeamsMessage | undefined;
  for (const attempt of attempts) {
    const fallback = plain.length > attempt.fallbackLength ? `${plain.slice(0, attempt.fallbackLength - 1)}…` : plain;
    message = toMessage(summary, buildCard(reply, { lang: reply.lang, interactive, ...attempt }, intro, fallback));
    if (jsonBytesBound(message) <= budget || teamsPayloadBytes(message) <= budget) return message;
  }
  return truncateBody(message as TeamsMessage, budget);
}

/** Last resort for a single huge text: shortens the longest TextBlock until the message fits. */
function truncateBody(message: TeamsMessage, budget: number): TeamsMessage {
  const card = message.attachments[0].content;
  let excess = teamsPayloadBytes(message) - budget;
  while (excess > 0) {
    const longest = card.body
      .filter((element): element is Extract<TeamsCardElement, { type: 'TextBlock' }> => element.type === 'TextBlock')
      .reduce<{ text: string } | undefined>((best, block) => (!best || block.text.length > best.text.length ? block : best), undefined);
    if (!longest || longest.text.length < 2) break;
    const keep = Math.max(1, longest.text.length - Math.ceil(excess / 2) - 16);
    longest.text = `${longest.text.slice(0, keep)}…`;
    excess = teamsPayloadBytes(message) - budget;
  }
  return message;
}

const reuse = createRenderedCache<TeamsMessage>();

/** The Adaptive Card for a reply, with its plain-text summary; a reply rendered before reuses its message (../rendered.ts). */
export function renderTeamsMessage(reply: Reply, options: TeamsRenderOptions = {}): TeamsMessage {
  return reuse(reply, String(options.interactive ?? true), () => renderFitting(reply, options));
}

/** The card sent once when the app is installed: a welcome line above the help. */
export function renderTeamsWelcome(help: HelpReply): TeamsMessage {
  return renderFitting(help, {}, t(help.lang, 'welcome'));
}

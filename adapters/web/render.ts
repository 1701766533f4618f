// Turns a core Reply into what the web chat page shows: a message of typed blocks (headings, text spans,
// lists, links, clickable items, dated items, the road picture) and buttons, sent to the page as JSON.
// The page builds its DOM from these with textContent only, so no text ever becomes markup. Every reply
// kind has a case in one exhaustive switch; the reply markdown subset (`**bold**`, `- ` and `1. ` lists,
// line breaks) is parsed here, once.
import type { Lang } from '../../src/knowledge/schema.js';
import {
  assertNever,
  replyFeedbackButtons,
  type AnswerReply,
  type DatedItem,
  type FollowUp,
  type Reply,
  type ReplyItem,
  type ReplyKind,
  type ReplyLink,
} from '../../src/reply.js';
import type { RoadPicture } from '../../src/road-picture.js';

/** A run of text, bold or not. */
export interface WebSpan {
  text: string;
  bold?: true;
}

interface WebLink {
  label: string;
  url: string;
}

interface WebButton {
  label: string;
  action: string;
}

/** A roadmap item (phase, step, tool): its title opens it. */
interface WebItem {
  title: string;
  summary: WebSpan[];
  action: string;
  links: WebLink[];
}

/** A deadline or milestone. */
interface WebDated {
  title: string;
  due: string;
  left: string;
  /** Calendar days left; negative once passed. */
  daysLeft: number;
  notes: WebSpan[][];
  notices: string;
  action: string;
}

export type WebBlock =
  | { type: 'heading'; text: string }
  | { type: 'label'; text: string }
  | { type: 'text'; spans: WebSpan[] }
  | { type: 'list'; ordered: boolean; items: WebSpan[][] }
  | { type: 'small'; spans: WebSpan[] }
  | { type: 'links'; links: WebLink[] }
  | { type: 'items'; ordered: boolean; items: WebItem[] }
  | { type: 'dated'; items: WebDated[] }
  | { type: 'road'; road: RoadPicture };

/** One message of the bot on the page. */
export interface WebMessage {
  /** Unique on the page; comes back as `messageId` with a click on one of its buttons. */
  id: string;
  kind: ReplyKind;
  lang: Lang;
  blocks: WebBlock[];
  buttons: WebButton[];
  /** The 👍/👎 under an answer. */
  feedback: { prompt: string; buttons: WebButton[]; saved: string | undefined } | undefined;
  /** After a vote: the message this one replaces (the answer, now with the vote saved). */
  replaces: string | undefined;
}

export interface WebRenderOptions {
  id: string;
  /** The road to draw with a roadmap reply. */
  road?: RoadPicture;
  /** For a vote: the id of the message whose button was clicked. */
  clicked?: string;
}

const LABELS = {
  nl: { since: 'Sinds 2021', phase: 'Fase {n} van {total}' },
  en: { since: 'Since 2021', phase: 'Phase {n} of {total}' },
} as const satisfies Record<Lang, Record<string, string>>;

/** `**bold**` runs as spans. */
export function toSpans(text: string): WebSpan[] {
  const spans: WebSpan[] = [];
  const pattern = /\*\*(.+?)\*\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) spans.push({ text: text.slice(last, match.index) });
    spans.push({ text: match[1] ?? '', bold: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) spans.push({ text: text.slice(last) });
  return spans.filter((span) => span.text !== '');
}

/** The markdown subset as blocks: paragraphs, and runs of `- ` or `1. ` lines as lists. */
export function toBlocks(markdown: string): WebBlock[] {
  const blocks: WebBlock[] = [];
  for (const line of markdown.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const bullet = /^[-•] (.*)$/.exec(trimmed);
    const numbered = /^\d+[.)] (.*)$/.exec(trimmed);
    const item = bullet?.[1] ?? numbered?.[1];
    const previous = blocks.at(-1);
    if (item === undefined) blocks.push({ type: 'text', spans: toSpans(trimmed) });
    else if (previous?.type === 'list' && previous.ordered === Boolean(numbered)) previous.items.push(toSpans(item));
    else blocks.push({ type: 'list', ordered: Boolean(numbered), items: [toSpans(item)] });
  }
  return blocks;
}

const isWebUrl = (url: string): boolean => /^https?:\/\/[^\s]+$/i.test(url);

function links(list: readonly ReplyLink[]): WebBlock[] {
  const safe = list.filter((link) => isWebUrl(link.url)).map((link) => ({ label: link.label, url: link.url }));
  return safe.length > 0 ? [{ type: 'links', links: safe }] : [];
}

const small = (text: string): WebBlock[] => (text.trim() === '' ? [] : [{ type: 'small', spans: toSpans(text) }]);
const text = (value: string): WebBlock[] => (value.trim() === '' ? [] : toBlocks(value));
const buttons = (followUps: readonly FollowUp[]): WebButton[] => followUps.filter((f) => f.action !== '').map((f) => ({ label: f.label, action: f.action }));

function items(list: readonly ReplyItem[], ordered: boolean): WebBlock[] {
  if (list.length === 0) return [];
  return [
    {
      type: 'items',
      ordered,
      items: list.map((item) => ({ title: item.title, summary: toSpans(item.summary), action: item.action, links: item.links.filter((l) => isWebUrl(l.url)).map((l) => ({ label: l.label, url: l.url })) })),
    },
  ];
}

function dated(list: readonly DatedItem[]): WebBlock[] {
  if (list.length === 0) return [];
  return [
    {
      type: 'dated',
      items: list.map((item) => ({
        title: item.title,
        due: item.due,
        left: item.left,
        daysLeft: item.daysLeft,
        notes: item.notes.map(toSpans),
        notices: item.notices,
        action: item.action,
      })),
    },
  ];
}

function answerBlocks(reply: AnswerReply): WebBlock[] {
  return [
    { type: 'label', text: reply.phaseTitle },
    { type: 'heading', text: reply.title },
    ...text(reply.body),
    ...reply.notes.flatMap((note) => small(`**${LABELS[reply.lang].since}:** ${note}`)),
    ...links(reply.links),
    ...small(reply.source),
  ];
}

function feedbackOf(reply: Reply): WebMessage['feedback'] {
  const feedback = reply.kind === 'answer' ? reply.feedback : reply.kind === 'feedback-ack' ? reply.answer?.feedback : undefined;
  if (!feedback) return undefined;
  return { prompt: feedback.prompt, buttons: buttons(replyFeedbackButtons(reply)), saved: feedback.saved };
}

/** The blocks and buttons of one reply. */
function content(reply: Reply, options: WebRenderOptions): Pick<WebMessage, 'blocks' | 'buttons'> {
  switch (reply.kind) {
    case 'answer':
      return { blocks: answerBlocks(reply), buttons: buttons(reply.followUps) };
    case 'suggestions':
    case 'not-found':
      return { blocks: text(reply.text), buttons: buttons(reply.options) };
    case 'help':
      return { blocks: [{ type: 'heading', text: reply.title }, ...text(reply.body)], buttons: buttons(reply.examples) };
    case 'roadmap':
      return {
        blocks: [{ type: 'heading', text: reply.title }, ...text(reply.intro), ...(options.road ? [{ type: 'road' as const, road: options.road }] : []), ...items(reply.phases, true)],
        buttons: [],
      };
    case 'phase': {
      const position = LABELS[reply.lang].phase.replace('{n}', String(reply.position)).replace('{total}', String(reply.total));
      return { blocks: [{ type: 'label', text: position }, { type: 'heading', text: reply.title }, ...text(reply.summary), ...items(reply.steps, true)], buttons: buttons(reply.followUps) };
    }
    case 'tools':
      return { blocks: [{ type: 'heading', text: reply.title }, ...text(reply.intro), ...items(reply.tools, false)], buttons: [] };
    case 'message':
    case 'smalltalk':
      return { blocks: text(reply.text), buttons: buttons(reply.followUps) };
    case 'out-of-scope':
      return { blocks: [{ type: 'heading', text: reply.title }, ...text(reply.text), ...links(reply.links)], buttons: buttons(reply.followUps) };
    case 'deadlines':
      return { blocks: [{ type: 'heading', text: reply.title }, ...text(reply.intro), ...dated(reply.items), ...small(reply.subscription)], buttons: buttons(reply.followUps) };
    case 'project':
      return {
        blocks: [{ type: 'heading', text: reply.title }, ...text(reply.intro), ...text(reply.period), ...dated(reply.milestones), ...small(reply.subscription)],
        buttons: buttons(reply.followUps),
      };
    case 'notice':
      return {
        blocks: [
          { type: 'heading', text: reply.title },
          ...text(reply.due),
          ...small(reply.late ?? ''),
          ...text(reply.body),
          ...reply.notes.flatMap(small),
          ...links(reply.links),
        ],
        buttons: buttons(reply.followUps),
      };
    case 'distance':
      return {
        blocks: [
          { type: 'heading', text: reply.title },
          ...text(reply.body),
          ...reply.notes.flatMap(small),
          ...links(reply.links),
          ...small(reply.source),
          ...small(reply.attribution),
        ],
        buttons: buttons(reply.alternatives),
      };
    case 'feedback-ack':
      return reply.answer ? { blocks: answerBlocks(reply.answer), buttons: buttons(reply.answer.followUps) } : { blocks: text(reply.text), buttons: [] };
    case 'report':
      return {
        blocks: [{ type: 'heading', text: reply.title }, ...text(reply.intro), ...reply.sections.flatMap((section) => [{ type: 'heading' as const, text: section.title }, ...text(section.body)])],
        buttons: [],
      };
    default:
      return assertNever(reply);
  }
}

/** The reply as one message of the page. */
export function renderWebMessage(reply: Reply, options: WebRenderOptions): WebMessage {
  const replaces = reply.kind === 'feedback-ack' && reply.answer ? options.clicked : undefined;
  return { id: options.id, kind: reply.kind, lang: reply.lang, ...content(reply, options), feedback: feedbackOf(reply), replaces };
}

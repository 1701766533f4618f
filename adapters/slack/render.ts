// Turns a core Reply into a Slack message: Block Kit blocks plus a plain `text` fallback for
// notifications. Every kind has a case in one exhaustive switch. Slack's limits hold for every message:
// 50 blocks, 3,000 characters a text, 25 buttons an actions block, 75 characters a button label,
// 2,000 a button value. https://docs.slack.dev/reference/block-kit/blocks
import { shorten } from '../../src/present.js';
import type { types } from '@slack/bolt';
import { toPlainText } from '../../src/plain-text.js';
import { assertNever, replyFeedbackButtons, type DatedItem, type FollowUp, type Reply, type ReplyItem, type ReplyLink } from '../../src/reply.js';
import type { Lang } from '../../src/knowledge/schema.js';
import { t } from '../../src/texts.js';
import { escapeMrkdwn, splitMrkdwn, toMrkdwn, toSlackLink, truncateMrkdwn } from './mrkdwn.js';
import { createRenderedCache } from '../rendered.js';

export type SlackBlock = types.KnownBlock;
export type SlackButton = types.Button;

/** A message as `chat.postMessage` and `response_url` take it. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Slack's Block Kit limits. */
const SLACK_LIMITS = {
  blocks: 50,
  text: 3000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  contextElements: 10,
} as const;

/** Every button the bot renders has an action_id with this prefix, so one listener catches them all. */
const SLACK_ACTION_PREFIX = 'erasmus:';

/**
 * A button's action_id: the prefix, the reply's language (so a click is answered in the language the
 * button was shown in) and a number that makes it unique within the message, e.g. `erasmus:en:3`.
 */
function toSlackActionId(lang: Lang, n: number): string {
  return `${SLACK_ACTION_PREFIX}${lang}:${n}`;
}

/** The language carried in one of the bot's action_ids, or undefined for other action_ids. */
export function parseSlackActionId(actionId: string): { lang: Lang } | undefined {
  const match = /^erasmus:(nl|en):\d+$/.exec(actionId);
  return match ? { lang: match[1] as Lang } : undefined;
}

/** Builds the buttons and blocks of one message, numbering action_ids so they are unique within it. */
export class SlackBlockBuilder {
  readonly blocks: SlackBlock[] = [];
  private buttonCount = 0;

  constructor(private readonly lang: Lang) {}

  header(text: string): void {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean === '') return;
    const short = shorten(clean, SLACK_LIMITS.header);
    this.blocks.push({ type: 'header', text: { type: 'plain_text', text: short, emoji: true } });
  }

  /** One section per ≤3,000-character chunk of `mrkdwn`. */
  section(mrkdwn: string, accessory?: SlackButton): void {
    const chunks = splitMrkdwn(mrkdwn, SLACK_LIMITS.text);
    chunks.forEach((chunk, i) => {
      const last = i === chunks.length - 1;
      this.blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk }, ...(last && accessory ? { accessory } : {}) });
    });
  }

  context(mrkdwnParts: string[]): void {
    const elements = mrkdwnParts
      .filter((part) => part.trim() !== '')
      .slice(0, SLACK_LIMITS.contextElements)
      .map((part) => ({ type: 'mrkdwn' as const, text: truncateMrkdwn(part, SLACK_LIMITS.text) }));
    if (elements.length > 0) this.blocks.push({ type: 'context', elements });
  }

  /** Follow-up buttons in actions blocks of at most 25. */
  actions(followUps: readonly FollowUp[]): void {
    const buttons = followUps.map((followUp) => this.button(followUp)).filter((b): b is SlackButton => b !== undefined);
    for (let i = 0; i < buttons.length; i += SLACK_LIMITS.actionsElements) {
      this.blocks.push({ type: 'actions', elements: buttons.slice(i, i + SLACK_LIMITS.actionsElements) });
    }
  }

  /** A button that sends `followUp.action` back to the core; none when the action id does not fit a value. */
  button(followUp: FollowUp): SlackButton | undefined {
    if (followUp.action === '' || followUp.action.length > SLACK_LIMITS.buttonValue) return undefined;
    const label = followUp.label.replace(/\s+/g, ' ').trim() || followUp.action;
    const text = shorten(label, SLACK_LIMITS.buttonText);
    this.buttonCount += 1;
    return {
      type: 'button',
      action_id: toSlackActionId(this.lang, this.buttonCount),
      text: { type: 'plain_text', text, emoji: true },
      value: followUp.action,
    };
  }

  divider(): void {
    this.blocks.push({ type: 'divider' });
  }

  /** Roadmap items (phases, steps, tools), each with an "Open" button. */
  itemList(items: readonly ReplyItem[], options: ListOptions & { numbered?: boolean }): void {
    this.list(items, (item, i) => itemText(item, options.numbered ? i + 1 : undefined), options);
  }

  /** Deadlines or milestones, each with an "Open" button. */
  datedList(items: readonly DatedItem[], options: ListOptions): void {
    this.list(items, datedText, options);
  }

  /**
   * A section with a button each while they fit in the block budget, leaving `reserve` blocks for what
   * follows; otherwise one section for all and the buttons gathered in actions blocks.
   */
  private list<T extends { title: string; action: string }>(items: readonly T[], text: (item: T, i: number) => string, options: ListOptions): void {
    const budget = (options.limit ?? SLACK_LIMITS.blocks) - this.blocks.length - (options.reserve ?? 0);
    if (items.length <= budget) {
      items.forEach((item, i) => this.section(text(item, i), this.button({ label: options.open, action: item.action })));
      return;
    }
    this.section(items.map(text).join('\n\n'));
    this.actions(items.map((item) => ({ label: item.title, action: item.action })));
  }
}

interface ListOptions {
  /** The label of each item's button. */
  open: string;
  /** Blocks to leave for what follows the list. */
  reserve?: number;
  /** The message's block limit (a Home tab holds 100). */
  limit?: number;
}

/** Links as a bullet list. */
export function linkList(links: readonly ReplyLink[]): string {
  return links.map((link) => `• ${toSlackLink(link.url, link.label)}`).join('\n');
}

function itemText(item: ReplyItem, number?: number): string {
  const title = `*${number === undefined ? '' : `${number}. `}${escapeMrkdwn(item.title)}*`;
  const summary = item.summary ? `\n${toMrkdwn(item.summary)}` : '';
  const links = item.links.length > 0 ? `\n${item.links.map((l) => toSlackLink(l.url, l.label)).join(' · ')}` : '';
  return `${title}${summary}${links}`;
}

function datedText(item: DatedItem): string {
  const lines = [`*${escapeMrkdwn(item.title)}*`, `${escapeMrkdwn(item.due)} · ${escapeMrkdwn(item.left)}`, ...item.notes.map(toMrkdwn)];
  if (item.notices) lines.push(escapeMrkdwn(item.notices));
  return lines.join('\n');
}

/**
 * Keeps a message within 50 blocks; the last `keep` blocks survive a cut: by default the trailing actions
 * (the next step), for an answer also its 👍/👎 line.
 */
export function fitBlocks(blocks: SlackBlock[], lang: Lang, limit: number = SLACK_LIMITS.blocks, keep = blocks.at(-1)?.type === 'actions' ? 1 : 0): SlackBlock[] {
  if (blocks.length <= limit) return blocks;
  const tail = keep > 0 ? blocks.slice(-keep) : [];
  const note: SlackBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: t(lang, 'labelMore') }] };
  return [...blocks.slice(0, limit - 1 - tail.length), note, ...tail];
}

/** The plain-text fallback for notifications and clients without blocks, escaped and within 3,000 characters. */
function renderSlackFallback(reply: Reply): string {
  return truncateMrkdwn(escapeMrkdwn(toPlainText(reply)), SLACK_LIMITS.text);
}

/** The Block Kit blocks of a reply. */
export function renderSlackBlocks(reply: Reply): SlackBlock[] {
  const b = new SlackBlockBuilder(reply.lang);
  const { lang } = reply;
  const labels = { since: t(lang, 'labelSince'), links: t(lang, 'labelLinks'), phase: t(lang, 'labelPhase'), open: t(lang, 'labelOpen') };
  let keep: number | undefined;
  switch (reply.kind) {
    case 'answer': {
      if (reply.lead) b.context([escapeMrkdwn(reply.lead)]);
      b.header(reply.title);
      b.section(toMrkdwn(reply.body));
      if (reply.notes.length > 0) {
        b.section(`*${labels.since}*\n${reply.notes.map((note) => `• ${toMrkdwn(note)}`).join('\n')}`);
      }
      if (reply.links.length > 0) b.section(`*${labels.links}*\n${linkList(reply.links)}`);
      b.context([escapeMrkdwn(reply.source), `${labels.phase}: ${escapeMrkdwn(reply.phaseTitle)}`]);
      b.actions(reply.followUps);
      if (reply.feedback) {
        keep = (b.blocks.at(-1)?.type === 'actions' ? 1 : 0) + 2;
        b.context([escapeMrkdwn(reply.feedback.saved ?? reply.feedback.prompt)]);
        b.actions(replyFeedbackButtons(reply));
      }
      break;
    }
    case 'suggestions':
    case 'not-found':
      b.section(toMrkdwn(reply.text));
      b.actions(reply.options);
      break;
    case 'help':
      b.header(reply.title);
      b.section(toMrkdwn(reply.body));
      b.actions(reply.examples);
      break;
    case 'roadmap':
      b.header(reply.title);
      if (reply.intro) b.section(toMrkdwn(reply.intro));
      b.itemList(reply.phases, { numbered: true, open: labels.open });
      break;
    case 'phase': {
      b.header(`${reply.title} (${reply.position}/${reply.total})`);
      if (reply.summary) b.section(toMrkdwn(reply.summary));
      const reserve = Math.ceil(reply.followUps.length / SLACK_LIMITS.actionsElements);
      b.itemList(reply.steps, { open: labels.open, reserve });
      b.actions(reply.followUps);
      break;
    }
    case 'tools':
      b.header(reply.title);
      if (reply.intro) b.section(toMrkdwn(reply.intro));
      b.itemList(reply.tools, { open: labels.open });
      break;
    case 'message':
    case 'smalltalk':
      b.section(toMrkdwn(reply.text));
      b.actions(reply.followUps);
      break;
    case 'out-of-scope':
      b.section(toMrkdwn(reply.text));
      if (reply.links.length > 0) b.section(`*${labels.links}*\n${linkList(reply.links)}`);
      b.actions(reply.followUps);
      break;
    case 'deadlines':
      b.header(reply.title);
      b.section(toMrkdwn(reply.intro));
      b.datedList(reply.items, { open: labels.open, reserve: 2 });
      b.context([toMrkdwn(reply.subscription)]);
      b.actions(reply.followUps);
      break;
    case 'project':
      b.header(reply.title);
      b.context([escapeMrkdwn(reply.period)]);
      if (reply.intro) b.section(toMrkdwn(reply.intro));
      b.datedList(reply.milestones, { open: labels.open, reserve: 2 });
      b.context([toMrkdwn(reply.subscription)]);
      b.actions(reply.followUps);
      break;
    case 'notice':
      b.header(reply.title);
      b.section(escapeMrkdwn(reply.due));
      if (reply.late) b.context([escapeMrkdwn(reply.late)]);
      if (reply.body) b.section(toMrkdwn(reply.body));
      if (reply.notes.length > 0) b.section(reply.notes.map((note) => `• ${toMrkdwn(note)}`).join('\n'));
      if (reply.links.length > 0) b.section(`*${labels.links}*\n${linkList(reply.links)}`);
      b.actions(reply.followUps);
      break;
    case 'distance':
      b.header(reply.title);
      b.section(toMrkdwn(reply.body));
      if (reply.notes.length > 0) b.section(reply.notes.map((note) => `• ${toMrkdwn(note)}`).join('\n'));
      if (reply.links.length > 0) b.section(`*${labels.links}*\n${linkList(reply.links)}`);
      b.context([escapeMrkdwn(reply.source), escapeMrkdwn(reply.attribution)]);
      b.actions(reply.alternatives);
      break;
    case 'feedback-ack':
      b.section(escapeMrkdwn(reply.text));
      break;
    case 'report':
      b.header(reply.title);
      b.section(toMrkdwn(reply.intro));
      for (const part of reply.sections) {
        b.divider();
        b.section(`*${escapeMrkdwn(part.title)}*\n${toMrkdwn(part.body)}`);
      }
      break;
    default:
      return assertNever(reply);
  }
  return fitBlocks(b.blocks, reply.lang, SLACK_LIMITS.blocks, keep);
}

const reuse = createRenderedCache<SlackMessage>();

/** A reply as a Slack message, blocks plus the plain-text fallback; a reply rendered before reuses its message (../rendered.ts). */
export function renderSlackMessage(reply: Reply): SlackMessage {
  return reuse(reply, '', () => ({ text: renderSlackFallback(reply), blocks: renderSlackBlocks(reply) }));
}

/** A one-line message (errors, confirmations) with no buttons. */
export function renderSlackNotice(text: string): SlackMessage {
  const escaped = truncateMrkdwn(escapeMrkdwn(text), SLACK_LIMITS.text);
  return { text: escaped, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escaped } }] };
}

// Builds the notices' replies in the reader's language: the list of upcoming deadlines, a project with its
// milestones, and one notice with what is needed (the matching knowledge entry and its links).
import { commandAction, entryAction } from '../actions.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Lang } from '../knowledge/schema.js';
import { entryBody, linksFor } from '../present.js';
import type { DatedItem, DeadlinesReply, FollowUp, NoticeReply, ProjectReply } from '../reply.js';
import type { ChannelRecord, ProjectRecord, Topic } from '../storage/storage.js';
import { dayIn, daysBetween, formatDay, formatInstant, formatShortDay } from './dates.js';
import { projectItems, type DueItem } from './items.js';
import { planNotices } from './reminders.js';
import { daysLeftText, joinList, nt, zoneName } from './texts.js';

/** What the replies need to know about the moment and the reader. */
export interface ReplyContext {
  knowledge: Knowledge;
  /** The notice time zone. */
  zone: string;
  now: Date;
  lang: Lang;
}

/** A conversation's subscriptions and settings, as far as the replies show them. */
export interface ConversationNotices {
  channel: ChannelRecord | undefined;
  topics: ReadonlySet<Topic>;
  project: ProjectRecord | undefined;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The due day (and published time) of an item in words. */
function dueText(item: DueItem, lang: Lang): string {
  const day = formatDay(item.day, lang);
  const due = item.time ? nt(lang, 'atTime', { day, time: item.time.time, zone: zoneName(item.time.timezone, lang) }) : day;
  return item.provisional ? `${due} ${nt(lang, 'provisionalMark')}` : due;
}

function itemNotes(item: DueItem, lang: Lang): string[] {
  return [...(item.note ? [item.note[lang]] : []), ...(item.provisional ? [nt(lang, 'provisional')] : [])];
}

function noticesText(item: DueItem, ctx: ReplyContext, view: ConversationNotices): string {
  const { channel } = view;
  if (!channel || !view.topics.has(item.topic) || channel.status !== 'active') return '';
  const upcoming = planNotices(item, channel.reminderDays, channel.reminderTime, ctx.zone).filter((n) => n.sendAt.getTime() > ctx.now.getTime());
  if (upcoming.length === 0) return item.dueAt.getTime() > ctx.now.getTime() ? nt(ctx.lang, 'noMoreNotices') : '';
  const days = upcoming.map((n) => formatShortDay(dayIn(n.sendAt, ctx.zone), ctx.lang));
  return nt(ctx.lang, 'noticesAt', { days: joinList(days, ctx.lang), time: channel.reminderTime });
}

function datedItem(item: DueItem, ctx: ReplyContext, view: ConversationNotices): DatedItem {
  const daysLeft = daysBetween(dayIn(ctx.now, ctx.zone), item.day);
  const passed = item.dueAt.getTime() <= ctx.now.getTime();
  return {
    id: item.id,
    title: item.title[ctx.lang],
    due: dueText(item, ctx.lang),
    dueAt: item.dueAt.toISOString(),
    daysLeft,
    left: daysLeftText(passed ? -1 : daysLeft, ctx.lang),
    notes: itemNotes(item, ctx.lang),
    notices: noticesText(item, ctx, view),
    action: ctx.knowledge.entryById.has(item.entry) ? entryAction(item.entry) : commandAction('deadlines'),
  };
}

/** What this conversation is told and when, or how to subscribe. */
function subscriptionText(view: ConversationNotices, ctx: ReplyContext): string {
  const { channel } = view;
  if (!channel || view.topics.size === 0) return nt(ctx.lang, 'notSubscribed');
  const topics = [...view.topics].sort().map((topic) => nt(ctx.lang, topic === 'calls' ? 'topicCalls' : 'topicProject'));
  return nt(ctx.lang, 'subscribedLine', {
    topics: joinList(topics, ctx.lang),
    days: joinList([...channel.reminderDays].sort((a, b) => b - a).map(String), ctx.lang),
    time: channel.reminderTime,
    zone: ctx.zone,
  });
}

function noticeButtons(view: ConversationNotices, lang: Lang, firstEntry: string | undefined, knowledge: Knowledge): FollowUp[] {
  const buttons: FollowUp[] = [];
  if (firstEntry && knowledge.entryById.has(firstEntry)) buttons.push({ label: nt(lang, 'whatDoINeed'), action: entryAction(firstEntry) });
  buttons.push(
    view.topics.size === 0
      ? { label: nt(lang, 'buttonSubscribe'), action: commandAction('subscribe') }
      : { label: nt(lang, 'buttonUnsubscribe'), action: commandAction('unsubscribe') },
  );
  buttons.push({ label: nt(lang, 'buttonProject'), action: commandAction('project') });
  return buttons;
}

/** The deadlines a question asked for: one action or call year, passed ones included. */
export interface DeadlinesFocus {
  /** E.g. `KA210-VET 2027`. */
  label: string;
  items: readonly DueItem[];
}

/** The upcoming call deadlines, then this conversation's upcoming milestones; or only those of `focus`. */
export function deadlinesReply(calls: readonly DueItem[], view: ConversationNotices, ctx: ReplyContext, focus?: DeadlinesFocus): DeadlinesReply {
  const nowMs = ctx.now.getTime();
  const upcoming = calls.filter((item) => item.dueAt.getTime() > nowMs);
  const milestones = view.project && !focus ? projectItems(view.project, ctx.zone).filter((item) => item.dueAt.getTime() > nowMs) : [];
  const shown = focus ? focus.items : upcoming;
  const items = [...shown, ...milestones].map((item) => datedItem(item, ctx, view));
  const none = focus ? nt(ctx.lang, 'noFocusDeadlines', { label: focus.label }) : nt(ctx.lang, 'noDeadlines');
  return {
    kind: 'deadlines',
    lang: ctx.lang,
    title: focus ? nt(ctx.lang, 'focusTitle', { label: focus.label }) : nt(ctx.lang, 'deadlinesTitle'),
    intro: shown.length > 0 ? nt(ctx.lang, 'deadlinesIntro') : `${nt(ctx.lang, 'deadlinesIntro')} ${none}`,
    items,
    subscription: subscriptionText(view, ctx),
    followUps: noticeButtons(view, ctx.lang, shown[0]?.entry ?? upcoming[0]?.entry ?? calls.at(-1)?.entry, ctx.knowledge),
  };
}

/** A project with all its milestones, passed ones included; `intro` may be empty. */
export function projectReply(project: ProjectRecord, view: ConversationNotices, ctx: ReplyContext, intro: string): ProjectReply {
  const items = projectItems(project, ctx.zone);
  const next = items.find((item) => item.dueAt.getTime() > ctx.now.getTime());
  return {
    kind: 'project',
    lang: ctx.lang,
    title: project.name ?? nt(ctx.lang, 'projectTitle'),
    intro: [intro, ...(project.interim ? [] : [nt(ctx.lang, 'noInterim')])].filter((part) => part !== '').join(' '),
    period: nt(ctx.lang, 'projectPeriod', { start: formatDay(project.start, ctx.lang), end: formatDay(project.end, ctx.lang) }),
    milestones: items.map((item) => datedItem(item, ctx, view)),
    subscription: subscriptionText(view, ctx),
    followUps: noticeButtons(view, ctx.lang, next?.entry, ctx.knowledge),
  };
}

/** Longest part of an entry's text that goes into a notice; the button opens the whole entry. */
const NOTICE_TEXT_LIMIT = 700;

/**
 * One notice: what is due, when, the days left and what is needed, with a "what do I need?" button.
 * `repeat` marks a notice sent again because an earlier send may or may not have arrived.
 */
export function noticeReply(
  notice: { item: DueItem; daysLeft: number; late: boolean; sendAt: Date; repeat?: boolean },
  ctx: ReplyContext,
): NoticeReply {
  const { item, daysLeft } = notice;
  const { lang, knowledge } = ctx;
  const entry = knowledge.entryById.get(item.entry);
  const left = daysLeftText(daysLeft, lang);
  const text = entry ? entryBody(entry, lang) : '';
  const body = entry
    ? `${nt(lang, 'noticeNeeded', { title: entry.title[lang] })}\n${text.length > NOTICE_TEXT_LIMIT ? `${text.slice(0, NOTICE_TEXT_LIMIT - 1).trimEnd()}…` : text}`
    : '';
  const planned = formatInstant(notice.sendAt, ctx.zone, lang);
  const followUps: FollowUp[] = [
    ...(entry ? [{ label: nt(lang, 'whatDoINeed'), action: entryAction(entry.id) }] : []),
    { label: nt(lang, 'buttonDeadlines'), action: commandAction('deadlines') },
  ];
  return {
    kind: 'notice',
    lang,
    deadlineId: item.id,
    title: `${capitalise(left)}: ${item.title[lang]}${notice.repeat ? ` ${nt(lang, 'noticeRepeat')}` : ''}`,
    due: nt(lang, 'noticeDue', { due: dueText(item, lang), left }),
    dueAt: item.dueAt.toISOString(),
    daysLeft,
    body,
    late: notice.late ? nt(lang, 'noticeLate', { planned }) : undefined,
    notes: itemNotes(item, lang),
    links: entry ? linksFor(entry, lang) : [],
    followUps,
  };
}

// The platform-neutral reply model: what the bot means, never widgets. Every adapter renders each kind
// with an exhaustive switch; `toPlainText` gives every reply a plain-text form for notifications and terminals.
import type { Lang, LinkKind } from './knowledge/schema.js';

/** A link as shown to the user, already in the reply's language. */
export interface ReplyLink {
  label: string;
  url: string;
  kind: LinkKind;
}

/**
 * A button or suggestion the user can pick. `action` is a stable action id that comes back to the core
 * unchanged as `Input.action` (see `parseAction`), e.g. `entry:interim-report`, `phase:reporting`, `cmd:roadmap`,
 * `distance:2743477:658225`.
 */
export interface FollowUp {
  label: string;
  action: string;
}

/** One roadmap item in a list (phase detail, tools, overview). */
export interface ReplyItem {
  id: string;
  title: string;
  summary: string;
  action: string;
  links: ReplyLink[];
}

interface ReplyBase {
  lang: Lang;
}

/** A roadmap entry answers the question. */
export interface AnswerReply extends ReplyBase {
  kind: 'answer';
  /** A line before the answer, e.g. "After Submitting the application comes:" for a road question. */
  lead?: string;
  entryId: string;
  phaseId: string;
  phaseTitle: string;
  title: string;
  /** Small markdown subset: `**bold**`, `- ` bullets, line breaks. */
  body: string;
  /** Dated notes on what the 2021–2027 programme changed. */
  notes: string[];
  links: ReplyLink[];
  /** Related entries first, then the next step on the road. */
  followUps: FollowUp[];
  /** Where the fact comes from, e.g. the flyer's block. */
  source: string;
  score: number;
  /** The 👍/👎 buttons, when feedback is kept; apart from `followUps`, which navigate. */
  feedback?: AnswerFeedback;
}

export type FeedbackVote = 'up' | 'down';

/** The 👍/👎 buttons under an answer. Their action ids are `feedback:<vote>:<lang>:<entryId>`. */
export interface AnswerFeedback {
  /** "Was this helpful?" */
  prompt: string;
  up: FollowUp;
  down: FollowUp;
  /** After a click (a Teams card update): the line that confirms the vote was saved. */
  saved?: string;
  /** After a click in a personal chat: the vote given; only the other button stays, to change it. */
  given?: FeedbackVote;
}

/** Several entries match about equally well: the user picks one. */
interface SuggestionsReply extends ReplyBase {
  kind: 'suggestions';
  text: string;
  options: FollowUp[];
}

/** Nothing in the roadmap answers the question; the closest topics are offered instead. */
interface NotFoundReply extends ReplyBase {
  kind: 'not-found';
  text: string;
  options: FollowUp[];
  /** The nearest entry's confidence, below the answer threshold; absent when no entry came near. */
  score?: number;
}

/** How to use the bot. */
export interface HelpReply extends ReplyBase {
  kind: 'help';
  title: string;
  body: string;
  examples: FollowUp[];
}

/** All phases of the road, in order. */
export interface RoadmapReply extends ReplyBase {
  kind: 'roadmap';
  title: string;
  intro: string;
  phases: ReplyItem[];
}

/** Entries of one kind under a heading (steps, tips, documents and tools, …), or the choices that open more. */
export interface ReplyGroup {
  title: string;
  items: ReplyItem[];
}

/**
 * The entries of one phase, grouped by kind, with the neighbouring phases as follow-ups. A long phase shows
 * whole groups up to about eight entries; each other group is one item that opens it (`phase:<id>:<group>`).
 */
export interface PhaseReply extends ReplyBase {
  kind: 'phase';
  phaseId: string;
  /** 1-based position on the road and the number of phases. */
  position: number;
  total: number;
  title: string;
  summary: string;
  /** Every item shown, in the order of `groups`: for renderers that show one list. */
  steps: ReplyItem[];
  /** The same items under their headings. */
  groups?: ReplyGroup[];
  followUps: FollowUp[];
}

/** The tools and aids of the roadmap. */
export interface ToolsReply extends ReplyBase {
  kind: 'tools';
  title: string;
  intro: string;
  tools: ReplyItem[];
}

/** A short message: input the bot cannot take (empty, too long), or a confirmation. */
export interface MessageReply extends ReplyBase {
  kind: 'message';
  text: string;
  followUps: FollowUp[];
}

/** A greeting, a thank-you or small talk: a short friendly line and what the bot can do. Answers no roadmap question. */
export interface SmallTalkReply extends ReplyBase {
  kind: 'smalltalk';
  text: string;
  followUps: FollowUp[];
}

/** A question on a near topic that the KA2 roadmap does not cover, with where the answer is. */
export interface OutOfScopeReply extends ReplyBase {
  kind: 'out-of-scope';
  /** The id of the topic in knowledge/out-of-scope.yaml. */
  topicId: string;
  /** The topic's name, e.g. `KA1 mobility of students and staff`. */
  title: string;
  /** "That is not part of the KA2 roadmap; …" in the small markdown subset. */
  text: string;
  /** Where the answer is, when there is a stable place. */
  links: ReplyLink[];
  followUps: FollowUp[];
}

/** A deadline or milestone in a list, with how many days are left and when this conversation is told. */
export interface DatedItem {
  id: string;
  title: string;
  /** The due day (and time) in words, e.g. `Friday 5 March 2027, 12:00 (Brussels time)`. */
  due: string;
  /** The due instant, ISO 8601. */
  dueAt: string;
  /** Calendar days from today; negative once passed. */
  daysLeft: number;
  /** The days left in words: `7 days left`, `today`, `passed`. */
  left: string;
  /** Expected dates, how a date was derived, … */
  notes: string[];
  /** When this conversation will be told about it; empty when it is not subscribed. */
  notices: string;
  /** Opens the knowledge entry that tells what is needed (`entry:<id>`). */
  action: string;
}

/** The upcoming call deadlines (and the conversation's milestones), with what this conversation is told and when. */
export interface DeadlinesReply extends ReplyBase {
  kind: 'deadlines';
  title: string;
  intro: string;
  items: DatedItem[];
  /** What this conversation is subscribed to, or how to subscribe. */
  subscription: string;
  followUps: FollowUp[];
}

/** A conversation's own project: its period and derived milestones. */
export interface ProjectReply extends ReplyBase {
  kind: 'project';
  title: string;
  /** A confirmation or lead-in line. */
  intro: string;
  period: string;
  milestones: DatedItem[];
  subscription: string;
  followUps: FollowUp[];
}

/** A notice sent on the bot's own initiative: what is due, when, the days left and what is needed. */
export interface NoticeReply extends ReplyBase {
  kind: 'notice';
  deadlineId: string;
  title: string;
  due: string;
  dueAt: string;
  daysLeft: number;
  /** What is needed, from the matching knowledge entry (small markdown subset). */
  body: string;
  /** Set when the notice goes out after its planned time. */
  late: string | undefined;
  notes: string[];
  links: ReplyLink[];
  /** Starts with "what do I need?" (`entry:<id>`). */
  followUps: FollowUp[];
}

/** A place as the distance calculator resolved it. */
export interface ReplyPlace {
  /** The GeoNames id. */
  id: number;
  /** The place's name in GeoNames, e.g. `The Hague`. */
  name: string;
  /** The name as the question gave it, when that differs from `name`, e.g. `Den Haag`. */
  asked?: string;
  /** The country's name in the reply's language. */
  country: string;
  /** ISO 3166-1 alpha-2, e.g. `NL`. */
  countryCode: string;
  /** The province, state or region, where known. */
  region?: string;
}

/** The Erasmus+ travel support per participant for one distance band. */
interface ReplyTravelSupport {
  /** The band as the table names it, e.g. `500–1999 km`. */
  band: string;
  /** Euros per participant, standard travel. */
  standard: number;
  /** Euros per participant with green travel, for the bands that have it. */
  green?: number;
}

/** The distance between two places, with its Erasmus+ distance band and travel support. */
export interface DistanceReply extends ReplyBase {
  kind: 'distance';
  /** E.g. `Zwolle – Helsinki`. */
  title: string;
  /** The figures in the small markdown subset, ready to show. */
  body: string;
  from: ReplyPlace;
  to: ReplyPlace;
  /** Great-circle distance, one way, in whole km. */
  km: number;
  /** Undefined under the lowest band: no travel support. */
  support: ReplyTravelSupport | undefined;
  /** Short remarks: no support under 10 km, lump sums for partnerships. */
  notes: string[];
  /** The EU's distance calculator and the source of the table. */
  links: ReplyLink[];
  /** Other places the names could mean, as `distance:<geonameid>:<geonameid>` actions. */
  alternatives: FollowUp[];
  /** The table the amounts come from, e.g. `Erasmus+ Programme Guide 2025`. */
  source: string;
  /** The place data's licence line (GeoNames, CC BY 4.0), shown in the footer. */
  attribution: string;
}

/** A 👍/👎 click was saved. Slack shows `text` to the clicker only; Teams updates the card to `answer`. */
export interface FeedbackAckReply extends ReplyBase {
  kind: 'feedback-ack';
  vote: FeedbackVote;
  /** The vote before this click, when the click changed it. */
  previous: FeedbackVote | undefined;
  entryId: string;
  text: string;
  /** The answer as it reads after the vote, with the confirmation in its feedback; undefined when the entry is gone. */
  answer: AnswerReply | undefined;
}

/** One part of the report: a heading and a body in the small markdown subset. */
export interface ReportSection {
  title: string;
  body: string;
}

/** What people asked and how the answers did, for the people who keep the knowledge. */
export interface ReportReply extends ReplyBase {
  kind: 'report';
  title: string;
  /** The period and the totals. */
  intro: string;
  sections: ReportSection[];
}

export type Reply =
  | AnswerReply
  | SuggestionsReply
  | NotFoundReply
  | HelpReply
  | RoadmapReply
  | PhaseReply
  | ToolsReply
  | MessageReply
  | SmallTalkReply
  | OutOfScopeReply
  | DeadlinesReply
  | ProjectReply
  | NoticeReply
  | DistanceReply
  | FeedbackAckReply
  | ReportReply;

export type ReplyKind = Reply['kind'];

/** Compile-time exhaustiveness guard for `switch (reply.kind)`. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled reply kind: ${JSON.stringify(value)}`);
}

/** The buttons a reply offers (not counting the items of a list, which are buttons of their own). */
export function replyFollowUps(reply: Reply): FollowUp[] {
  switch (reply.kind) {
    case 'answer':
    case 'phase':
    case 'message':
    case 'smalltalk':
    case 'out-of-scope':
    case 'deadlines':
    case 'project':
    case 'notice':
      return reply.followUps;
    case 'suggestions':
    case 'not-found':
      return reply.options;
    case 'help':
      return reply.examples;
    case 'distance':
      return reply.alternatives;
    case 'feedback-ack':
      return reply.answer?.followUps ?? [];
    case 'roadmap':
    case 'tools':
    case 'report':
      return [];
    default:
      return assertNever(reply);
  }
}

/** The 👍/👎 buttons a reply shows: both, or after a vote in a personal chat only the other one. */
export function replyFeedbackButtons(reply: Reply): FollowUp[] {
  const feedback = reply.kind === 'answer' ? reply.feedback : reply.kind === 'feedback-ack' ? reply.answer?.feedback : undefined;
  if (!feedback) return [];
  if (feedback.given === 'up') return [feedback.down];
  if (feedback.given === 'down') return [feedback.up];
  return [feedback.up, feedback.down];
}

/** The items of a list reply (phases, steps, tools); empty for other kinds. */
export function replyItems(reply: Reply): ReplyItem[] {
  return reply.kind === 'roadmap' ? reply.phases : reply.kind === 'phase' ? reply.steps : reply.kind === 'tools' ? reply.tools : [];
}

/** Every link a reply shows, its items' links included. */
export function replyLinks(reply: Reply): ReplyLink[] {
  const own =
    reply.kind === 'answer' || reply.kind === 'distance' || reply.kind === 'notice' || reply.kind === 'out-of-scope'
      ? reply.links : reply.kind === 'feedback-ack' ? (reply.answer?.links ?? []) : [];
  return [...own, ...replyItems(reply).flatMap((item) => item.links)];
}

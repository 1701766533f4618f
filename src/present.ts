// Builds replies from knowledge: an entry's answer with its links, notes and follow-ups, the roadmap
// overview, a phase's steps, the tools list and the help text, all in the asker's language.
import { commandAction, entryAction, phaseAction } from './actions.js';
import type { Platform } from './input.js';
import type { Knowledge } from './knowledge/load.js';
import type { Entry, EntryType, Lang, Phase } from './knowledge/schema.js';
import type { AnswerReply, FollowUp, HelpReply, PhaseReply, ReplyGroup, ReplyItem, ReplyLink, RoadmapReply, ToolsReply } from './reply.js';
import { t, type TextKey } from './texts.js';

/** Entry types listed by the `tools` command. */
const TOOL_TYPES = new Set(['tool', 'document']);
/** Most follow-up buttons under one answer. */
const MAX_FOLLOW_UPS = 5;

export interface Presenter {
  readonly knowledge: Knowledge;
  /** The entry that follows `entry` on the road, or undefined at the end. */
  nextEntry(entry: Entry): Entry | undefined;
  /** Follow-ups that open these entries. */
  options(entries: readonly Entry[], lang: Lang, limit: number): FollowUp[];
  /** Where to start when nothing matched: the roadmap, the tools and help. */
  starterOptions(lang: Lang): FollowUp[];
}

/** Precomputes the road order once. */
export function createPresenter(knowledge: Knowledge): Presenter {
  // Road order: by phase, then in the order the knowledge lists the entries (the sort is stable).
  const phaseIndex = new Map(knowledge.phases.map((phase, i) => [phase.id, i]));
  const road = [...knowledge.entries].sort((a, b) => (phaseIndex.get(a.phase) ?? 0) - (phaseIndex.get(b.phase) ?? 0));
  const position = new Map(road.map((entry, i) => [entry.id, i]));
  return {
    knowledge,
    nextEntry: (entry) => road[(position.get(entry.id) ?? road.length) + 1],
    options: (entries, lang, limit) =>
      entries.slice(0, limit).map((entry) => ({ label: entry.title[lang], action: entryAction(entry.id) })),
    starterOptions: (lang) => [
      { label: lang === 'en' ? 'Roadmap' : 'Stappenplan', action: commandAction('roadmap') },
      { label: lang === 'en' ? 'Tools' : 'Hulpmiddelen', action: commandAction('tools') },
      { label: lang === 'en' ? 'Help' : 'Hulp', action: commandAction('help') },
    ],
  };
}

/**
 * An entry's text as answers and notices show it: what applies today first, then, where the flyer said
 * something else, the 2014–2020 roadmap's wording.
 */
export function entryBody(entry: Entry, lang: Lang): string {
  return entry.roadmap ? `${entry.text[lang]}\n\n${t(lang, 'roadmapWording', { text: entry.roadmap[lang] })}` : entry.text[lang];
}

/** Where an answer comes from: today's sources with the latest check, then the flyer's block. */
function sourceLine(entry: Entry, lang: Lang): string {
  if (entry.sources.length === 0) return t(lang, 'source', { block: entry.source.block });
  const sources = entry.sources.map((source) => t(lang, 'noteChecked', { text: source.url, date: source.checked })).join('; ');
  return t(lang, 'sourceToday', { sources, block: entry.source.block });
}

/** The links of an entry in `lang`. */
export function linksFor(entry: Entry, lang: Lang): ReplyLink[] {
  return entry.links.map((link) => ({ label: link.label[lang], url: link.url, kind: link.kind }));
}

/** Longest summary under a list item. */
const MAX_SUMMARY = 160;

/** `text` cut at a word boundary to at most `max` characters, with `…` when it was cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // Inside a word when both the last character kept and the first one dropped are letters or digits.
  const inWord = /[\p{L}\p{N}]$/u.test(cut) && /^[\p{L}\p{N}]/u.test(text.slice(max - 1));
  const space = cut.lastIndexOf(' ');
  const head = inWord && space > 0 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** One line from a body in the small markdown subset: a bullet list reads `intro: first; second; third`. */
function oneLine(markdown: string): string {
  let line = '';
  let inList = false;
  for (const raw of markdown.replace(/\*\*/g, '').split('\n')) {
    const bullet = /^\s*(?:[-*•]|\d+[.)])\s+/.exec(raw);
    const text = raw.slice(bullet?.[0].length ?? 0).replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    if (line === '') line = text;
    else if (bullet && inList) line = /[?!]$/.test(line) ? `${line} ${text}` : `${line.replace(/[.;,:]+$/, '')}; ${text}`;
    else if (bullet) line = /[.!?]$/.test(line) ? `${line} ${text}` : `${line.replace(/[:;,]+$/, '')}: ${text}`;
    else line = `${/[.!?:]$/.test(line) ? line : `${line.replace(/[;,]+$/, '')}.`} ${text}`;
    inList = bullet !== null;
  }
  return line;
}

/** The first sentence of an entry's text, or its start cut at a word, for a list item. */
export function summaryOf(markdown: string): string {
  const line = oneLine(markdown);
  const sentence = new RegExp(`^(.{20,${MAX_SUMMARY}}?[.!?])(?=\\s|$)`).exec(line);
  return sentence?.[1] ?? shorten(line, MAX_SUMMARY);
}

function itemFor(entry: Entry, lang: Lang): ReplyItem {
  return { id: entry.id, title: entry.title[lang], summary: summaryOf(entry.text[lang]), action: entryAction(entry.id), links: linksFor(entry, lang) };
}

/** Each presenter's answers without their score, by language and entry: they depend on the knowledge alone. */
const builtAnswers = new WeakMap<Presenter, Map<string, Readonly<AnswerReply>>>();

/** The answer for an entry, built once per language and shared (frozen): callers add to a copy, never change it. */
export function answerFor(presenter: Presenter, entry: Entry, lang: Lang, score: number): AnswerReply {
  let built = builtAnswers.get(presenter);
  if (!built) builtAnswers.set(presenter, (built = new Map()));
  const key = `${lang}:${entry.id}`;
  let base = built.get(key);
  if (!base) built.set(key, (base = freezeAnswer(buildAnswer(presenter, entry, lang))));
  return { ...base, score: Math.round(score * 1000) / 1000 };
}

function freezeAnswer(reply: AnswerReply): Readonly<AnswerReply> {
  for (const list of [reply.notes, reply.links, reply.followUps]) Object.freeze(list);
  return Object.freeze(reply);
}

/** The answer for one entry, with related entries and the next step as follow-ups. */
function buildAnswer(presenter: Presenter, entry: Entry, lang: Lang): AnswerReply {
  const { knowledge } = presenter;
  const phase = knowledge.phaseById.get(entry.phase);
  const related = entry.related.map((id) => knowledge.entryById.get(id)).filter((e): e is Entry => e !== undefined);
  const followUps = presenter.options(related, lang, MAX_FOLLOW_UPS - 1);
  const next = presenter.nextEntry(entry);
  if (next && !entry.related.includes(next.id)) {
    followUps.push({ label: t(lang, 'nextStep', { title: next.title[lang] }), action: entryAction(next.id) });
  }
  return {
    kind: 'answer',
    lang,
    entryId: entry.id,
    phaseId: entry.phase,
    phaseTitle: phase?.title[lang] ?? entry.phase,
    title: entry.title[lang],
    body: entryBody(entry, lang),
    notes: entry.notes.map((note) => t(lang, 'noteChecked', { text: note.text[lang], date: note.checked })),
    links: linksFor(entry, lang),
    followUps,
    source: sourceLine(entry, lang),
    score: 1,
  };
}

/** All phases in road order. */
export function roadmapReply(presenter: Presenter, lang: Lang): RoadmapReply {
  const { phases } = presenter.knowledge;
  return {
    kind: 'roadmap',
    lang,
    title: t(lang, 'roadmapTitle'),
    intro: t(lang, 'roadmapIntro', { count: phases.length }),
    phases: phases.map((phase) => ({ id: phase.id, title: phase.title[lang], summary: phase.summary[lang], action: phaseAction(phase.id), links: [] })),
  };
}

/** Most entries a phase shows at once; the other groups are one choice each. */
const MAX_PHASE_ITEMS = 8;

/** The groups of a phase's entries, in the order they are shown, with the entry types in each. */
const ENTRY_GROUPS: ReadonlyArray<{ id: string; key: TextKey; types: readonly EntryType[] }> = [
  { id: 'steps', key: 'groupSteps', types: ['step'] },
  { id: 'tips', key: 'groupTips', types: ['tip'] },
  { id: 'documents', key: 'groupDocuments', types: ['document', 'tool'] },
  { id: 'meetings', key: 'groupMeetings', types: ['meeting'] },
  { id: 'checks', key: 'groupChecks', types: ['check'] },
  { id: 'links', key: 'groupLinks', types: ['link'] },
];

interface EntryGroup {
  id: string;
  title: string;
  entries: Entry[];
}

function groupsOf(presenter: Presenter, phase: Phase, lang: Lang): EntryGroup[] {
  const entries = presenter.knowledge.entries.filter((entry) => entry.phase === phase.id);
  return ENTRY_GROUPS.map((group) => ({ id: group.id, title: t(lang, group.key), entries: entries.filter((entry) => group.types.includes(entry.type)) })).filter(
    (group) => group.entries.length > 0,
  );
}

/** One item that opens a group of entries not shown, or the entry itself when the group has one. */
function groupItem(phase: Phase, group: EntryGroup, lang: Lang): ReplyItem {
  const [only] = group.entries;
  if (only && group.entries.length === 1) return itemFor(only, lang);
  return {
    id: `${phase.id}-${group.id}`,
    title: t(lang, 'groupCount', { group: group.title, count: group.entries.length }),
    summary: shorten(group.entries.map((entry) => entry.title[lang]).join('; '), MAX_SUMMARY),
    action: phaseAction(phase.id, group.id),
    links: [],
  };
}

function phaseBase(presenter: Presenter, phase: Phase, lang: Lang, title: string, groups: ReplyGroup[], followUps: FollowUp[]): PhaseReply {
  const { phases } = presenter.knowledge;
  return {
    kind: 'phase',
    lang,
    phaseId: phase.id,
    position: phases.indexOf(phase) + 1,
    total: phases.length,
    title,
    summary: phase.summary[lang],
    steps: groups.flatMap((group) => group.items),
    groups,
    followUps,
  };
}

/**
 * The entries of one phase, grouped by kind, with the neighbouring phases as follow-ups. Whole groups are
 * shown while they fit in about eight entries; each other group is one item that opens it.
 */
export function phaseReply(presenter: Presenter, phase: Phase, lang: Lang): PhaseReply {
  const { phases } = presenter.knowledge;
  const groups = groupsOf(presenter, phase, lang);
  const index = phases.indexOf(phase);
  const followUps: FollowUp[] = [];
  const previous = phases[index - 1];
  const next = phases[index + 1];
  if (previous) followUps.push({ label: t(lang, 'previousPhase', { title: previous.title[lang] }), action: phaseAction(previous.id) });
  if (next) followUps.push({ label: t(lang, 'nextPhase', { title: next.title[lang] }), action: phaseAction(next.id) });
  followUps.push({ label: t(lang, 'wholeRoadmap'), action: commandAction('roadmap') });

  const shown: ReplyGroup[] = [];
  const more: ReplyItem[] = [];
  let count = 0;
  const all = groups.reduce((sum, g) => sum + g.entries.length, 0);
  for (const candidate of groups) {
    if (all <= MAX_PHASE_ITEMS || count + candidate.entries.length <= MAX_PHASE_ITEMS) {
      shown.push({ title: candidate.title, items: candidate.entries.map((entry) => itemFor(entry, lang)) });
      count += candidate.entries.length;
    } else {
      more.push(groupItem(phase, candidate, lang));
    }
  }
  if (more.length > 0) shown.push({ title: t(lang, 'moreInPhase'), items: more });
  return phaseBase(presenter, phase, lang, phase.title[lang], shown, followUps);
}

/** One group of a phase's entries (`documents`, `links`, …) from `offset` on; undefined when the phase has no such group. */
export function phaseGroupReply(presenter: Presenter, phase: Phase, lang: Lang, id: string, offset = 0): PhaseReply | undefined {
  const group = groupsOf(presenter, phase, lang).find((candidate) => candidate.id === id);
  return group && groupPage(presenter, phase, group, lang, offset);
}

/** About eight entries of a group, with a choice for the rest. */
function groupPage(presenter: Presenter, phase: Phase, group: EntryGroup, lang: Lang, offset: number): PhaseReply {
  const start = offset < group.entries.length ? offset : 0;
  const page = group.entries.slice(start, start + MAX_PHASE_ITEMS);
  const rest = group.entries.length - start - page.length;
  const groups: ReplyGroup[] = [{ title: group.title, items: page.map((entry) => itemFor(entry, lang)) }];
  if (rest > 0) {
    const title = t(lang, 'moreOfGroup', { group: group.title.toLowerCase(), count: rest });
    const next = group.entries.slice(start + page.length);
    groups.push({
      title: t(lang, 'moreInPhase'),
      items: [{ id: `${phase.id}-${group.id}-${start + page.length}`, title, summary: shorten(next.map((e) => e.title[lang]).join('; '), MAX_SUMMARY), action: phaseAction(phase.id, group.id, start + page.length), links: [] }],
    });
  }
  const followUps = [
    { label: t(lang, 'backToPhase', { title: phase.title[lang] }), action: phaseAction(phase.id) },
    { label: t(lang, 'wholeRoadmap'), action: commandAction('roadmap') },
  ];
  return phaseBase(presenter, phase, lang, `${phase.title[lang]}: ${group.title.toLowerCase()}`, groups, followUps);
}

/** Every tool and document of the roadmap. */
export function toolsReply(presenter: Presenter, lang: Lang): ToolsReply {
  return {
    kind: 'tools',
    lang,
    title: t(lang, 'toolsTitle'),
    intro: t(lang, 'toolsIntro'),
    tools: presenter.knowledge.entries.filter((entry) => TOOL_TYPES.has(entry.type)).map((entry) => itemFor(entry, lang)),
  };
}

/** What help tells beyond the commands: whether answers take feedback (and admins get the report). */
export interface HelpOptions {
  platform: Platform;
  feedback: boolean;
}

const SURFACE_HELP: Partial<Record<Platform, TextKey>> = { slack: 'helpSlack', teams: 'helpTeams', console: 'helpConsole' };

/** How to use the bot: every command, what differs on this surface, and example questions from the knowledge. */
export function helpReply(presenter: Presenter, lang: Lang, options: HelpOptions): HelpReply {
  const examples = presenter.knowledge.entries
    .filter((entry) => entry.type === 'step' && entry.questions[lang].length > 0)
    .filter((_, i, list) => i % Math.max(1, Math.floor(list.length / 3)) === 0)
    .slice(0, 3)
    .map((entry) => ({ label: entry.questions[lang][0] ?? entry.title[lang], action: entryAction(entry.id) }));
  const commands = [t(lang, 'helpBody'), ...(options.feedback ? [t(lang, 'helpReport')] : [])].join('\n');
  const surface = SURFACE_HELP[options.platform];
  const body = [commands, ...(options.feedback ? [t(lang, 'helpFeedback')] : []), ...(surface ? [t(lang, surface)] : [])].join('\n\n');
  return { kind: 'help', lang, title: t(lang, 'helpTitle'), body, examples: [...examples, ...presenter.starterOptions(lang).slice(0, 2)] };
}

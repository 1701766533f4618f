// Builds replies from knowledge: an entry's answer with its links, notes and follow-ups, the roadmap
// overview, a phase's steps, the tools list and the help text, all in the asker's language.
import { commandAction, entryAction, phaseAction } from './actions.js';
import type { Knowledge } from './knowledge/load.js';
import type { Entry, Lang, Phase } from './knowledge/schema.js';
import type { AnswerReply, FollowUp, HelpReply, PhaseReply, ReplyItem, ReplyLink, RoadmapReply, ToolsReply } from './reply.js';
import { t } from './texts.js';

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
export function sourceLine(entry: Entry, lang: Lang): string {
  if (entry.sources.length === 0) return t(lang, 'source', { block: entry.source.block });
  const sources = entry.sources.map((source) => t(lang, 'noteChecked', { text: source.url, date: source.checked })).join('; ');
  return t(lang, 'sourceToday', { sources, block: entry.source.block });
}

/** The links of an entry in `lang`. */
export function linksFor(entry: Entry, lang: Lang): ReplyLink[] {
  return entry.links.map((link) => ({ label: link.label[lang], url: link.url, kind: link.kind }));
}

function firstSentence(text: string): string {
  // A bullet list becomes one line: `intro: first; second; third`.
  const plain = text
    .replace(/\*\*/g, '')
    .replace(/:?\s*\n(?:- |\d+\. )/, ': ')
    .replace(/\n(?:- |\d+\. )/g, '; ')
    .replace(/\s+/g, ' ')
    .trim();
  const match = /^(.{20,160}?[.!?])(\s|$)/.exec(plain);
  return match?.[1] ?? (plain.length > 160 ? `${plain.slice(0, 157)}…` : plain);
}

function itemFor(entry: Entry, lang: Lang): ReplyItem {
  return { id: entry.id, title: entry.title[lang], summary: firstSentence(entry.text[lang]), action: entryAction(entry.id), links: linksFor(entry, lang) };
}

/** The answer for one entry, with related entries and the next step as follow-ups. */
export function answerFor(presenter: Presenter, entry: Entry, lang: Lang, score: number): AnswerReply {
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
    score: Math.round(score * 1000) / 1000,
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

/** The steps of one phase, with the neighbouring phases as follow-ups. */
export function phaseReply(presenter: Presenter, phase: Phase, lang: Lang): PhaseReply {
  const { phases, entries } = presenter.knowledge;
  const index = phases.indexOf(phase);
  const followUps: FollowUp[] = [];
  const previous = phases[index - 1];
  const next = phases[index + 1];
  if (previous) followUps.push({ label: t(lang, 'previousPhase', { title: previous.title[lang] }), action: phaseAction(previous.id) });
  if (next) followUps.push({ label: t(lang, 'nextPhase', { title: next.title[lang] }), action: phaseAction(next.id) });
  followUps.push({ label: t(lang, 'wholeRoadmap'), action: commandAction('roadmap') });
  return {
    kind: 'phase',
    lang,
    phaseId: phase.id,
    position: index + 1,
    total: phases.length,
    title: phase.title[lang],
    summary: phase.summary[lang],
    steps: entries.filter((entry) => entry.phase === phase.id).map((entry) => itemFor(entry, lang)),
    followUps,
  };
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

/** How to use the bot, with example questions taken from the knowledge. */
export function helpReply(presenter: Presenter, lang: Lang): HelpReply {
  const examples = presenter.knowledge.entries
    .filter((entry) => entry.type === 'step' && entry.questions[lang].length > 0)
    .filter((_, i, list) => i % Math.max(1, Math.floor(list.length / 3)) === 0)
    .slice(0, 3)
    .map((entry) => ({ label: entry.questions[lang][0] ?? entry.title[lang], action: entryAction(entry.id) }));
  return { kind: 'help', lang, title: t(lang, 'helpTitle'), body: t(lang, 'helpBody'), examples: [...examples, ...presenter.starterOptions(lang).slice(0, 2)] };
}

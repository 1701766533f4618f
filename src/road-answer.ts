// Answers a road question from the road: the step of an entry's own steps after or before the one the
// message names, or its first or last; the phase after or before the one named; the first or last stop
// of the whole road, of a phase or of the applicant's side; the stop after or before the one the message
// names, or the earlier of two (see road.ts for how each is read).
import type { Knowledge } from './knowledge/load.js';
import type { Entry, Lang } from './knowledge/schema.js';
import type { Matcher } from './match/matcher.js';
import { readMessage } from './match/message.js';
import type { AnswerReply } from './reply.js';
import { readRoadSection, resolveWithinEntry } from './road-parts.js';
import { resolveRoad, type RoadKind, type RoadQuestion } from './road.js';
import { t } from './texts.js';

/** A named stop counts when the matcher is at least this share of the decline threshold sure of it. */
const NAMED_CONFIDENCE = 0.5;

export interface RoadAnswererOptions {
  knowledge: Knowledge;
  matcher: Matcher;
  /** The assistant's decline threshold. */
  threshold: number;
  /** The assistant's answer for an entry. */
  answer: (entry: Entry, lang: Lang, score: number) => AnswerReply;
}

/** The stops of a kind: the meetings by their type, the reports by the word in their title. */
const KIND_TITLE: Record<RoadKind, RegExp> = { report: /\b(?:report|\w*rapport\w*|\w*verslag)\b/i, meeting: /\b(?:meeting|meetings|\w*bijeenkomst\w*)\b/i };

/** The answer to a road question, or undefined when the road does not answer it. */
export function createRoadAnswerer(options: RoadAnswererOptions): (question: RoadQuestion, lang: Lang) => AnswerReply | undefined {
  const { knowledge, matcher, answer } = options;
  const stops = new Set(knowledge.road);
  const withSteps = knowledge.entries.filter((entry) => entry.steps.length > 0);
  const sure = (confidence: number): boolean => confidence >= options.threshold * NAMED_CONFIDENCE;
  const isOfKind = (id: string, kind: RoadKind): boolean => {
    const entry = knowledge.entryById.get(id);
    return entry !== undefined && ((kind === 'meeting' && entry.type === 'meeting') || KIND_TITLE[kind].test(entry.title.en) || KIND_TITLE[kind].test(entry.title.nl));
  };

  /** "After the exploratory meeting": the entry whose own steps these are, led by the step asked for. */
  const withinEntry = ({ intent, rest }: RoadQuestion, lang: Lang): AnswerReply | undefined => {
    for (const entry of withSteps) {
      const within = resolveWithinEntry(entry.steps, intent, rest);
      if (!within) continue;
      const from = entry.steps[within.from]?.title[lang] ?? '';
      // "After the final check": a step whose next stop is elsewhere on the road ("Submission").
      const elsewhere = 'next' in within ? knowledge.entryById.get(within.next) : undefined;
      if (elsewhere) return { ...answer(elsewhere, lang, 1), lead: t(lang, 'roadAfterStep', { from, to: elsewhere.title[lang] }) };
      if (!('target' in within)) continue;
      const to = entry.steps[within.target]?.title[lang] ?? '';
      return { ...answer(entry, lang, 1), lead: t(lang, intent === 'next' ? 'roadAfterStep' : 'roadBeforeStep', { from, to }) };
    }
    return undefined;
  };

  /** The first or last stop of the road, of the phase the message names, or of the applicant's side. */
  const atAnEnd = (intent: 'first' | 'last', rest: string, position: number | undefined, lang: Lang): AnswerReply | undefined => {
    // The texts are roadFirst…, roadLast… and roadNth… ("Step 2 of …").
    const which = position !== undefined ? 'roadNth' : intent === 'first' ? 'roadFirst' : 'roadLast';
    const n = (position ?? 0) + 1;
    const about = matcher.match(readMessage(rest), 50);
    // "The last step when baking bread": a first or last step of something the roadmap does not know.
    if (about.terms.length > 0 && !about.candidates.some((c) => sure(c.confidence))) return undefined;
    // "The first step of the tailored advice": the entry that has steps of its own, led by that step.
    const best = about.candidates[0];
    if (best && best.entry.steps.length > 0 && sure(best.confidence) && (position ?? 0) < best.entry.steps.length) {
      const step = intent === 'first' ? best.entry.steps[position ?? 0] : best.entry.steps.at(-1);
      const lead = t(lang, `${which}StepOf`, { of: best.entry.title[lang], step: step?.title[lang] ?? '', n });
      return { ...answer(best.entry, lang, 1), lead };
    }
    const section = readRoadSection(knowledge.phases, rest);
    const inSection = (id: string): boolean => {
      const phase = knowledge.phaseById.get(knowledge.entryById.get(id)?.phase ?? '');
      return section === undefined || ('phase' in section ? phase?.id === section.phase.id : phase?.track === section.track);
    };
    const inIt = knowledge.road.filter(inSection);
    const targetId = position === undefined ? resolveRoad(inIt, intent, [])?.target : inIt[position];
    const target = targetId === undefined ? undefined : knowledge.entryById.get(targetId);
    if (!target) return undefined;
    const of = section && ('phase' in section ? section.phase.title[lang] : t(lang, section.track === 'impact' ? 'impactTrack' : 'applicantTrack'));
    const lead = of === undefined ? t(lang, which, { n }) : t(lang, `${which}Of`, { n, of });
    return { ...answer(target, lang, 1), lead };
  };

  /** The stop after or before the one the message names (or the earlier of two), read without the words that ask for the road. */
  const besideNamed = ({ intent, rest, asked, between, kind, kindWord }: RoadQuestion & { intent: 'next' | 'previous' | 'earlier' }, lang: Lang): AnswerReply | undefined => {
    // The stops the text names, best first. What it names first, when that is off the road, stands for the
    // stop of its phase it is related to ("the partner search" for "Project partners").
    const namedIn = (text: string): string[] => {
      const named = matcher.match(readMessage(text), 50).candidates.filter((c) => sure(c.confidence));
      const onRoad = named.map((c) => c.entry.id).filter((id) => stops.has(id));
      const first = named[0]?.entry;
      const standsFor = first && !stops.has(first.id) ? first.related.find((id) => stops.has(id) && knowledge.entryById.get(id)?.phase === first.phase) : undefined;
      return standsFor === undefined ? onRoad : [standsFor, ...onRoad.filter((id) => id !== standsFor)];
    };
    // "The PIC or the application form": the best stop of each alternative.
    const alternatives = intent === 'earlier' ? rest.split(/\s+(?:or|of)\s+/i) : [];
    // The word that asks for a kind names the stop only when the rest names none or says "one" ("before the final one").
    const namedBeside = (): string[] => {
      const named = namedIn(rest);
      return !kindWord || (named.some((id) => stops.has(id)) && !/\b(?:one|ones)\b/i.test(rest)) ? named : namedIn(`${rest} ${kindWord}`);
    };
    const inAsked = asked === undefined ? [] : namedIn(asked);
    const named =
      intent === 'earlier' ? (alternatives.length === 2 ? alternatives.flatMap((text) => namedIn(text).slice(0, 1)) : []) : inAsked.some((id) => stops.has(id)) ? inAsked : namedBeside();
    const resolved = resolveRoad(knowledge.road, intent, named, between === true, kind ? (id) => isOfKind(id, kind) : undefined);
    // "And after the formal closing?": the road ends there, but what can still come does not.
    const last = knowledge.road.at(-1);
    const afterEnd = knowledge.afterRoad === undefined ? undefined : knowledge.entryById.get(knowledge.afterRoad);
    if (!resolved && intent === 'next' && !between && afterEnd && last !== undefined && named.find((id) => stops.has(id)) === last) {
      return { ...answer(afterEnd, lang, 1), lead: t(lang, 'roadAfterEnd', { from: knowledge.entryById.get(last)?.title[lang] ?? '' }) };
    }
    const target = resolved && knowledge.entryById.get(resolved.target);
    if (!resolved || !target) return undefined;
    if (intent === 'earlier') return { ...answer(target, lang, 1), lead: t(lang, 'roadEarlier', { first: target.title[lang] }) };
    const from = resolved.from === undefined ? '' : (knowledge.entryById.get(resolved.from)?.title[lang] ?? '');
    return { ...answer(target, lang, 1), lead: t(lang, intent === 'next' ? 'roadAfter' : 'roadBefore', { from }) };
  };

  /** "Which phase comes after the application?": the first stop of the phase after (or before) the one named. */
  const besidePhase = (intent: 'next' | 'previous', rest: string, lang: Lang): AnswerReply | undefined => {
    const section = readRoadSection(knowledge.phases, rest);
    if (section === undefined || !('phase' in section)) return undefined;
    const phase = knowledge.phases[knowledge.phases.indexOf(section.phase) + (intent === 'next' ? 1 : -1)];
    const first = phase && knowledge.road.find((id) => knowledge.entryById.get(id)?.phase === phase.id);
    const target = first === undefined ? undefined : knowledge.entryById.get(first);
    if (!phase || !target) return undefined;
    const lead = t(lang, intent === 'next' ? 'roadPhaseAfter' : 'roadPhaseBefore', { from: section.phase.title[lang], to: phase.title[lang] });
    return { ...answer(target, lang, 1), lead };
  };

  /** The entry that `words` name, when the matcher is sure of it. */
  const entryNamed = (words: string, lang: Lang): AnswerReply | undefined => {
    const best = matcher.match(readMessage(words), 1).candidates[0];
    return best && best.confidence >= options.threshold ? answer(best.entry, lang, best.confidence) : undefined;
  };

  return (question, lang) => {
    const { intent, rest } = question;
    // "No partners yet: what is the next step?": what is missing is to be found, so where to find it.
    const forMissing = question.missing === undefined ? undefined : entryNamed(`${question.missing} vinden find`, lang);
    if (forMissing) return forMissing;
    // "What's the next step, finding partners?": the step the asker proposes.
    const forProposed = question.proposed === undefined ? undefined : entryNamed(question.proposed, lang);
    if (forProposed) return forProposed;
    // "Once the project has ended": the stop due after the end date, whatever stop the words also name.
    const atEnd = question.projectEnd && knowledge.atProjectEnd !== undefined ? knowledge.entryById.get(knowledge.atProjectEnd) : undefined;
    if (atEnd) return { ...answer(atEnd, lang, 1), lead: t(lang, 'roadAtProjectEnd') };
    if (intent === 'first' || intent === 'last') return atAnEnd(intent, rest, question.position, lang);
    if (question.phase && intent !== 'earlier') {
      const phaseAnswer = besidePhase(intent, rest, lang);
      if (phaseAnswer) return phaseAnswer;
    }
    return withinEntry(question, lang) ?? besideNamed({ ...question, intent }, lang);
  };
}

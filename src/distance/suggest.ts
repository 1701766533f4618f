// "Did you mean": names close to a misspelt one, by edit distance (with transpositions) over the names of
// places of some size, grouped by length so that only names of a near length are compared.
import type { GeoNamesTable } from './geonames.js';
import { Seat } from './geonames.js';

/** A place's own name is offered when it has at least this many inhabitants (or is a seat). */
const MIN_POPULATION = 1000;
/** An alternate name (an exonym, a transliteration) is offered for places this size or capitals. */
const MIN_POPULATION_BY_ALTERNATE = 100_000;

/** A row whose name is `distance` edits from the query. */
interface Suggestion {
  row: number;
  distance: number;
}

/** Finds names close to a misspelt one. */
export interface Suggester {
  /** The number of names in the pool. */
  readonly size: number;
  /** Rows whose names are within a few edits of `key` (a normalized name), unordered. */
  near(key: string): Suggestion[];
}

/** The edits allowed for a name of this length. */
function allowedEdits(length: number): number {
  return length <= 6 ? 1 : length <= 11 ? 2 : 3;
}

/** Rows of the distance matrix, reused between calls (names are at most 255 characters). */
const rows = [new Int32Array(257), new Int32Array(257), new Int32Array(257)] as const;

/** Optimal-string-alignment distance, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length > 255 || b.length > 255) return limit + 1;
  let [before, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const charA = a.charCodeAt(i - 1);
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const charB = b.charCodeAt(j - 1);
      let value = (previous[j - 1] ?? 0) + (charA === charB ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      if (deletion < value) value = deletion;
      if (insertion < value) value = insertion;
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        const transposition = (before[j - 2] ?? 0) + 1;
        if (transposition < value) value = transposition;
      }
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? limit + 1;
}

/** Letters, digits and the space: the characters of a normalized name, numbered for bigram ids. */
const ALPHABET = 37;

function charId(code: number): number {
  if (code >= 97 && code <= 122) return code - 96;
  if (code >= 48 && code <= 57) return code - 21;
  return 0;
}

/** Marks the bigrams already taken while listing one name's bigrams. */
const seenGram = new Int32Array(ALPHABET * ALPHABET);
let listing = 0;

/** The distinct bigrams of ` key `, as ids. */
function bigramsOf(key: string): number[] {
  const ids: number[] = [];
  listing++;
  let previous = 0;
  for (let i = 0; i <= key.length; i++) {
    const current = i < key.length ? charId(key.charCodeAt(i)) : 0;
    const gram = previous * ALPHABET + current;
    if (seenGram[gram] !== listing) {
      seenGram[gram] = listing;
      ids.push(gram);
    }
    previous = current;
  }
  return ids;
}

/**
 * Builds the pool of names once; `aliases` maps normalized alias names to rows. An edit changes at most three
 * bigrams of a name, so a name within `k` edits shares all but `3k` of the query's bigrams: an inverted index
 * of bigrams finds those names without comparing the query to every name.
 */
export function createSuggester(table: GeoNamesTable, aliases: ReadonlyMap<string, number>): Suggester {
  const keys: string[] = [];
  const rowOf: number[] = [];
  table.keys.forEachKey((key, code) => {
    const row = code >> 1;
    const population = table.population[row] ?? 0;
    const seat = table.seat[row] ?? Seat.None;
    const offered = code & 1 ? population >= MIN_POPULATION_BY_ALTERNATE || seat === Seat.Capital : population >= MIN_POPULATION || seat !== Seat.None;
    if (offered) {
      keys.push(key);
      rowOf.push(row);
    }
  });
  for (const [key, row] of aliases) {
    keys.push(key);
    rowOf.push(row);
  }

  const gramsOfKey = keys.map(bigramsOf);
  const starts = new Int32Array(ALPHABET * ALPHABET + 1);
  for (const grams of gramsOfKey) for (const gram of grams) starts[gram + 1] = (starts[gram + 1] ?? 0) + 1;
  for (let i = 1; i < starts.length; i++) starts[i] = (starts[i] ?? 0) + (starts[i - 1] ?? 0);
  const postings = new Int32Array(starts[starts.length - 1] ?? 0);
  const next = starts.slice();
  gramsOfKey.forEach((grams, index) => {
    for (const gram of grams) {
      const at = next[gram] ?? 0;
      postings[at] = index;
      next[gram] = at + 1;
    }
  });
  const shared = new Uint8Array(keys.length);

  return {
    size: keys.length,
    near(key) {
      const limit = allowedEdits(key.length);
      const grams = bigramsOf(key);
      const needed = grams.length - 3 * limit;
      const touched: number[] = [];
      for (const gram of grams) {
        for (let p = starts[gram] ?? 0, end = starts[gram + 1] ?? 0; p < end; p++) {
          const index = postings[p] ?? 0;
          if ((shared[index] = (shared[index] ?? 0) + 1) === 1) touched.push(index);
        }
      }
      const found: Suggestion[] = [];
      for (const index of touched) {
        const candidate = keys[index] ?? '';
        if ((shared[index] ?? 0) >= needed && Math.abs(candidate.length - key.length) <= limit) {
          const distance = editDistance(key, candidate, limit);
          if (distance <= limit) found.push({ row: rowOf[index] ?? 0, distance });
        }
        shared[index] = 0;
      }
      return found;
    },
  };
}

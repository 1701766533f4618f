// Typo correction and Dutch compounds: a word the knowledge does not know is corrected with fuse.js
// against the knowledge's own vocabulary, or split into two known words; two words that the knowledge
// writes as one are joined.
import Fuse from 'fuse.js';
import { LRUCache } from 'lru-cache';

/** Fuse scores (0 = exact, 1 = nothing alike) at or below this count as a typo of a known word. */
const TYPO_THRESHOLD = 0.3;
/** A short word (4–5 letters) is corrected only when one known word is this close and no other is as close. */
const SHORT_TYPO_THRESHOLD = 0.3;
/** Shortest word that typo correction looks at, and the length from which the looser threshold applies. */
export const MIN_FUZZY_LENGTH = 4;
export const LONG_WORD_LENGTH = 6;
/** Shortest cut-off word ("voortgangsrapp", "eindrapp") that is completed to a known word it begins. */
const MIN_PREFIX_LENGTH = 5;
/** …when the cut-off word is at least this share of it: "bedrijf" is a word of its own, not a cut-off "bedrijfsleven". */
const MIN_PREFIX_SHARE = 0.6;
/** Shortest word that compound splitting looks at. */
const MIN_COMPOUND_LENGTH = 8;

/**
 * Joins two words that the knowledge writes as one (`stappen plan` → `stappenplan`, `time sheets`), unless
 * they are a glossary phrase as they stand (`partner zoeken`), which the glossary reads as one term.
 */
export function joinSplitCompounds(tokens: string[], vocabulary: ReadonlySet<string>, isPhrase: (first: string, second: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const joined = `${tokens[i]}${tokens[i + 1] ?? ''}`;
    if (i + 1 < tokens.length && joined.length >= 7 && vocabulary.has(joined) && !isPhrase(tokens[i] ?? '', tokens[i + 1] ?? '')) {
      out.push(joined);
      i++;
    } else {
      out.push(tokens[i] ?? '');
    }
  }
  return out;
}

/** Splits a Dutch compound such as `projectresultaten` into two known words, if it is one. */
export function splitCompound(token: string, vocabulary: ReadonlySet<string>): string[] | undefined {
  if (token.length < MIN_COMPOUND_LENGTH) return undefined;
  for (let i = 4; i <= token.length - 4; i++) {
    const head = token.slice(0, i);
    const tail = token.slice(i);
    if (vocabulary.has(head) && vocabulary.has(tail)) return [head, tail];
    if (head.endsWith('s') && vocabulary.has(head.slice(0, -1)) && vocabulary.has(tail)) return [head.slice(0, -1), tail];
  }
  return undefined;
}

/**
 * Typo correction: fuse.js over the known words of similar length and the same first letter (built at
 * start-up), with a cache because the same misspellings come back.
 */
export function createCorrector(words: readonly string[]): (token: string) => { token: string; quality: number } | undefined {
  // Buckets by length and first letter: typos rarely hit the first letter, and small buckets keep
  // each fuzzy search cheap.
  const buckets = new Map<string, string[]>();
  for (const word of words) {
    const key = `${word.length}:${word[0]}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(word);
    else buckets.set(key, [word]);
  }
  const fuses = new Map<string, Fuse<string>>();
  for (const [key, list] of buckets) {
    fuses.set(key, new Fuse(list, { includeScore: true, threshold: TYPO_THRESHOLD, ignoreLocation: true, isCaseSensitive: true }));
  }
  // `false`: the word was looked at and has no correction.
  const cache = new LRUCache<string, { token: string; quality: number } | false>({ max: 5000 });

  return (token) => {
    const cached = cache.get(token);
    if (cached !== undefined) return cached || undefined;
    const short = token.length < LONG_WORD_LENGTH;
    const threshold = short ? SHORT_TYPO_THRESHOLD : TYPO_THRESHOLD;
    let best: { token: string; score: number } | undefined;
    let runnerUp = Infinity;
    const spread = token.length >= 7 ? 2 : 1;
    for (let length = token.length - spread; length <= token.length + spread; length++) {
      const hits = fuses.get(`${length}:${token[0]}`)?.search(token, { limit: 2 }) ?? [];
      for (const hit of hits) {
        if (hit.score === undefined) continue;
        // A length difference is an edit too: weigh it so near-equal lengths win ties.
        const score = hit.score + Math.abs(length - token.length) * 0.02;
        if (!best || score < best.score) {
          if (best) runnerUp = Math.min(runnerUp, best.score);
          best = { token: hit.item, score };
        } else {
          runnerUp = Math.min(runnerUp, score);
        }
      }
    }
    // A short word has few letters to go on: correct it only when one known word is clearly the closest.
    const clear = !short || runnerUp - (best?.score ?? 0) > 0.05;
    // A short word's correction is less sure: one letter is a larger part of it.
    const result = best && best.score <= threshold && clear ? { token: best.token, quality: 1 - best.score * (short ? 2 : 1) } : undefined;
    cache.set(token, result ?? false);
    return result;
  };
}

/**
 * Completes a word cut off in chat ("voortgangsrapp", "eindrapp") to the shortest known word that begins
 * with it, when one is at least 3 letters longer (shorter ones are typos, which fuse.js handles) and not
 * much longer.
 */
export function createCompleter(words: readonly string[]): (token: string) => string | undefined {
  const sorted = [...new Set(words)].sort();
  return (token) => {
    if (token.length < MIN_PREFIX_LENGTH) return undefined;
    // The first word at or after the token; the words that begin with it follow it.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((sorted[mid] ?? '') < token) low = mid + 1;
      else high = mid;
    }
    let best: string | undefined;
    for (let i = low; i < sorted.length && sorted[i]?.startsWith(token); i++) {
      const word = sorted[i] ?? '';
      const cut = word.length >= token.length + 3 && token.length >= word.length * MIN_PREFIX_SHARE;
      if (cut && (best === undefined || word.length < best.length)) best = word;
    }
    return best;
  };
}

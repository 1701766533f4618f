// Finds the roadmap entry a question is about. Question words are folded, typo-corrected against the
// knowledge's own vocabulary with fuse.js, rewritten through the glossary and stemmed; entries are then
// ranked by field-weighted, IDF-weighted term overlap. The confidence is the share of the question's
// weight that the best entry explains, so a question about something else falls below the threshold.
import Fuse from 'fuse.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Entry, Lang } from '../knowledge/schema.js';
import { CHAT_FILLERS, createGlossaryRewriter, STOP_WORDS, stem, toTokens, type GlossaryRewriter } from './normalize.js';

/** Field weights: what an entry is called counts more than what its text mentions. */
const FIELD_WEIGHTS = { title: 3, keywords: 3, questions: 2, links: 1, text: 1, notes: 1, block: 1.5 } as const;

/** Saturation constant of the term weight: the weight of a term named in many fields tends to k + 1. */
const SATURATION = 4;
/** How much a known word of the question that the entry does not explain counts against it. */
const UNEXPLAINED_WEIGHT = 0.5;
/** How much a word the knowledge does not know at all counts against every entry: it is about something else. */
const UNKNOWN_WEIGHT = 1;

/** Fuse scores (0 = exact, 1 = nothing alike) at or below this count as a typo of a known word. */
const TYPO_THRESHOLD = 0.3;
/** Shortest word that typo correction and compound splitting look at. */
const MIN_FUZZY_LENGTH = 6;

export interface MatchOptions {
  /** Below this confidence the question is declined. */
  threshold: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { threshold: 0.48 };

/** One ranked candidate. */
export interface Candidate {
  entry: Entry;
  /** Field- and IDF-weighted overlap, for ranking. */
  strength: number;
  /** How much of the question this entry explains, 0–1: explained / (explained + weight of what it does not explain). */
  confidence: number;
}

export interface MatchResult {
  /** The question's terms after normalisation (for diagnostics). */
  terms: string[];
  /** Candidates, best first (at most `limit`). */
  candidates: Candidate[];
}

interface QueryTerm {
  term: string;
  /** 1 for a word as typed, less for a typo correction. */
  quality: number;
}

interface Posting {
  entries: number[];
  rank: number[];
  explain: number[];
}

interface IndexedEntry {
  entry: Entry;
  weights: Map<string, number>;
}

export interface Matcher {
  match(text: string, limit?: number): MatchResult;
  /** The language of a question, or undefined when its words do not tell. */
  detectLanguage(text: string): Lang | undefined;
  /** Number of distinct words the typo correction aims at (for diagnostics and benchmarks). */
  readonly vocabularySize: number;
}

function entryFields(entry: Entry): Array<[keyof typeof FIELD_WEIGHTS, string]> {
  const fields: Array<[keyof typeof FIELD_WEIGHTS, string]> = [];
  for (const lang of ['nl', 'en'] as const) {
    fields.push(['title', entry.title[lang]], ['text', entry.text[lang]]);
    for (const keyword of entry.keywords[lang]) fields.push(['keywords', keyword]);
    for (const question of entry.questions[lang]) fields.push(['questions', question]);
    for (const link of entry.links) fields.push(['links', link.label[lang]]);
    for (const note of entry.notes) fields.push(['notes', note.text[lang]]);
  }
  fields.push(['block', entry.source.block]);
  return fields;
}

/** Builds the matcher's index over the knowledge. */
export function createMatcher(knowledge: Knowledge): Matcher {
  // The index reads each text several times (vocabulary, language votes, terms): fold it once.
  const tokenCache = new Map<string, string[]>();
  const tokensOf = (text: string): string[] => {
    let tokens = tokenCache.get(text);
    if (!tokens) tokenCache.set(text, (tokens = toTokens(text)));
    return tokens;
  };
  const glossary = createGlossaryRewriter(knowledge.glossary);
  const vocabulary = new Set<string>(glossary.variantTokens);
  // Words that name topics (titles, keywords, questions, glossary): the targets of typo correction.
  const topicWords = new Set<string>(glossary.variantTokens);
  // A one-word keyword or glossary variant names a topic on purpose: if it is a stop word, it stays a word.
  const keptWords = new Set<string>();
  const keep = (phrase: string): void => {
    const tokens = tokensOf(phrase);
    const [word] = tokens;
    if (tokens.length === 1 && word !== undefined && word.length >= 4 && !CHAT_FILLERS.has(word)) keptWords.add(word);
  };
  for (const term of knowledge.glossary) term.variants.forEach(keep);
  for (const entry of knowledge.entries) [...entry.keywords.nl, ...entry.keywords.en].forEach(keep);
  const langVotes = new Map<string, { nl: number; en: number }>();

  const vote = (text: string, lang: Lang): void => {
    for (const token of tokensOf(text)) {
      const votes = langVotes.get(token) ?? { nl: 0, en: 0 };
      votes[lang] += 1;
      langVotes.set(token, votes);
    }
  };
  for (const entry of knowledge.entries) {
    for (const lang of ['nl', 'en'] as const) {
      for (const text of [entry.title[lang], entry.text[lang], ...entry.keywords[lang], ...entry.questions[lang]]) vote(text, lang);
    }
    for (const [field, text] of entryFields(entry)) {
      for (const token of tokensOf(text)) {
        vocabulary.add(token);
        if (field !== 'text' && field !== 'notes') topicWords.add(token);
      }
    }
  }
  for (const phase of knowledge.phases) {
    for (const lang of ['nl', 'en'] as const) {
      for (const text of [phase.title[lang], ...phase.keywords[lang]]) {
        vote(text, lang);
        for (const token of tokensOf(text)) {
          vocabulary.add(token);
          topicWords.add(token);
        }
      }
    }
  }

  const stopWords = new Set([...STOP_WORDS].filter((word) => !keptWords.has(word)));
  const analyse = (text: string): string[] => toTerms(glossary, stopWords, tokensOf(text)).map((t) => t.term);

  const indexed: IndexedEntry[] = knowledge.entries.map((entry) => {
    const weights = new Map<string, number>();
    for (const [field, text] of entryFields(entry)) {
      for (const term of new Set(analyse(text))) weights.set(term, (weights.get(term) ?? 0) + FIELD_WEIGHTS[field]);
    }
    return { entry, weights };
  });

  tokenCache.clear();
  const documentFrequency = new Map<string, number>();
  for (const { weights } of indexed) for (const term of weights.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const total = indexed.length;
  const idf = (term: string): number => Math.log(1 + total / (documentFrequency.get(term) ?? 0.5));
  const unknownIdf = Math.log(1 + total / 0.5);

  // Postings per term: the entries that contain it with their precomputed ranking and explaining weights.
  const postings = new Map<string, Posting>();
  indexed.forEach((item, index) => {
    for (const [term, fieldWeight] of item.weights) {
      let posting = postings.get(term);
      if (!posting) postings.set(term, (posting = { entries: [], rank: [], explain: [] }));
      posting.entries.push(index);
      // Saturating term weight (as in BM25): being named often helps, but less and less.
      posting.rank.push((fieldWeight * (SATURATION + 1)) / (fieldWeight + SATURATION));
      // A word only in the running text explains a question less than one in a title or keyword.
      posting.explain.push(Math.min(1, 0.6 + fieldWeight / 5));
    }
  });
  // Matching needs only the postings; the per-entry maps go, which keeps the heap (and GC pauses) small.
  const entries = indexed.map((item) => item.entry);
  indexed.length = 0;
  const strength = new Float64Array(entries.length);
  const explained = new Float64Array(entries.length);

  const correct = createCorrector([...topicWords].filter((word) => word.length >= MIN_FUZZY_LENGTH - 1 && !stopWords.has(word)));
  const known = (token: string): boolean => vocabulary.has(token) || stopWords.has(token);

  return {
    vocabularySize: vocabulary.size,
    detectLanguage(text) {
      let nl = 0;
      let en = 0;
      for (const token of toTokens(text)) {
        const votes = langVotes.get(token);
        if (votes) {
          const sum = votes.nl + votes.en;
          nl += votes.nl / sum;
          en += votes.en / sum;
        }
      }
      if (Math.abs(nl - en) < 0.25) return undefined;
      return nl > en ? 'nl' : 'en';
    },
    match(text, limit = 5) {
      const tokens: Array<{ token: string; quality: number }> = [];
      for (const token of joinSplitCompounds(toTokens(text), vocabulary)) {
        if (known(token) || token.length < MIN_FUZZY_LENGTH || /\d/.test(token)) {
          tokens.push({ token, quality: 1 });
          continue;
        }
        const parts = splitCompound(token, vocabulary);
        if (parts) {
          for (const part of parts) tokens.push({ token: part, quality: 0.9 });
          continue;
        }
        const fix = correct(token);
        tokens.push(fix ?? { token, quality: 1 });
      }
      const terms = toTerms(glossary, stopWords, tokens.map((t) => t.token), tokens.map((t) => t.quality));
      const knownMass = terms.reduce((sum, t) => sum + (documentFrequency.has(t.term) ? idf(t.term) : 0), 0);
      // A number the knowledge does not know (a year, a count) says nothing about the topic.
      const unknownMass = terms.reduce((sum, t) => sum + (documentFrequency.has(t.term) || /^\d+$/.test(t.term) ? 0 : unknownIdf), 0);
      if (knownMass === 0) return { terms: terms.map((t) => t.term), candidates: [] };

      const touched: number[] = [];
      for (const { term, quality } of terms) {
        const posting = postings.get(term);
        if (!posting) continue;
        const weight = idf(term) * quality;
        for (let i = 0; i < posting.entries.length; i++) {
          const index = posting.entries[i] ?? 0;
          if (strength[index] === 0) touched.push(index);
          strength[index] = (strength[index] ?? 0) + weight * (posting.rank[i] ?? 0);
          explained[index] = (explained[index] ?? 0) + weight * (posting.explain[i] ?? 0);
        }
      }
      const top: Candidate[] = [];
      for (const index of touched) {
        const entryStrength = strength[index] ?? 0;
        const entryExplained = explained[index] ?? 0;
        strength[index] = 0;
        explained[index] = 0;
        const last = top[top.length - 1];
        if (top.length === limit && last && entryStrength <= last.strength) continue;
        const against = UNEXPLAINED_WEIGHT * Math.max(0, knownMass - entryExplained) + UNKNOWN_WEIGHT * unknownMass;
        const candidate = { entry: entries[index]!, strength: entryStrength, confidence: entryExplained / (entryExplained + against) };
        // Keep the best `limit` in order; ties keep knowledge order, so results are stable.
        let at = top.length;
        while (at > 0 && (top[at - 1]?.strength ?? 0) < entryStrength) at--;
        top.splice(at, 0, candidate);
        if (top.length > limit) top.pop();
      }
      const candidates = top;
      return { terms: terms.map((t) => t.term), candidates };
    },
  };
}

/** Glossary rewrite, stop-word removal and stemming; a rewritten term keeps the lowest quality of its words. */
function toTerms(
  glossary: GlossaryRewriter,
  stopWords: ReadonlySet<string>,
  tokens: readonly string[],
  qualities?: readonly number[],
): QueryTerm[] {
  const out = new Map<string, number>();
  for (const { token, from, to } of glossary.rewrite(tokens)) {
    if (stopWords.has(token) || token.length < 2) continue;
    const quality = qualities ? Math.min(...qualities.slice(from, to)) : 1;
    const term = stem(token);
    out.set(term, Math.max(out.get(term) ?? 0, quality));
  }
  return [...out.entries()].map(([term, quality]) => ({ term, quality }));
}

/** Joins two words that the knowledge writes as one (`stappen plan` → `stappenplan`, `time sheets`). */
function joinSplitCompounds(tokens: string[], vocabulary: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const joined = `${tokens[i]}${tokens[i + 1] ?? ''}`;
    if (i + 1 < tokens.length && joined.length >= 7 && vocabulary.has(joined)) {
      out.push(joined);
      i++;
    } else {
      out.push(tokens[i] ?? '');
    }
  }
  return out;
}

/** Splits a Dutch compound such as `projectresultaten` into two known words, if it is one. */
function splitCompound(token: string, vocabulary: ReadonlySet<string>): string[] | undefined {
  if (token.length < 8) return undefined;
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
function createCorrector(words: readonly string[]): (token: string) => { token: string; quality: number } | undefined {
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
  const cache = new Map<string, { token: string; quality: number } | null>();

  return (token) => {
    const cached = cache.get(token);
    if (cached !== undefined) return cached ?? undefined;
    let best: { token: string; score: number } | undefined;
    const spread = token.length >= 7 ? 2 : 1;
    for (let length = token.length - spread; length <= token.length + spread; length++) {
      const hit = fuses.get(`${length}:${token[0]}`)?.search(token, { limit: 1 })[0];
      if (!hit || hit.score === undefined) continue;
      // A length difference is an edit too: weigh it so near-equal lengths win ties.
      const score = hit.score + Math.abs(length - token.length) * 0.02;
      if (!best || score < best.score) best = { token: hit.item, score };
    }
    const result = best && best.score <= TYPO_THRESHOLD ? { token: best.token, quality: 1 - best.score } : undefined;
    if (cache.size > 5000) cache.clear();
    cache.set(token, result ?? null);
    return result;
  };
}

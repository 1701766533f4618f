// Finds the roadmap entry a question is about. Question words are folded, typo-corrected against the
// knowledge's own vocabulary with fuse.js, rewritten through the glossary and stemmed; entries are then
// ranked by field-weighted, IDF-weighted term overlap. The confidence is the share of the question's
// weight that the best entry explains, so a question about something else falls below the threshold.
import Fuse from 'fuse.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Entry, Lang } from '../knowledge/schema.js';
import { createGlossaryRewriter, STOP_WORDS, stem, toTokens, type GlossaryRewriter } from './normalize.js';

/** Field weights: what an entry is called counts more than what its text mentions. */
const FIELD_WEIGHTS = { title: 3, keywords: 3, questions: 2, links: 1, text: 1, block: 1.5 } as const;

/** Fuse scores (0 = exact, 1 = nothing alike) at or below this count as a typo of a known word. */
const TYPO_THRESHOLD = 0.3;
/** Shortest word that typo correction and compound splitting look at. */
const MIN_FUZZY_LENGTH = 4;

export interface MatchOptions {
  /** Below this confidence the question is declined. */
  threshold: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { threshold: 0.5 };

/** One ranked candidate. */
export interface Candidate {
  entry: Entry;
  /** Field- and IDF-weighted overlap, for ranking. */
  strength: number;
  /** Share of the question's weight that this entry explains, 0–1. */
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
  }
  fields.push(['block', entry.source.block]);
  return fields;
}

/** Builds the matcher's index over the knowledge. */
export function createMatcher(knowledge: Knowledge): Matcher {
  const glossary = createGlossaryRewriter(knowledge.glossary);
  const vocabulary = new Set<string>(glossary.variantTokens);
  const langVotes = new Map<string, { nl: number; en: number }>();

  const vote = (text: string, lang: Lang): void => {
    for (const token of toTokens(text)) {
      const votes = langVotes.get(token) ?? { nl: 0, en: 0 };
      votes[lang] += 1;
      langVotes.set(token, votes);
    }
  };
  for (const entry of knowledge.entries) {
    for (const lang of ['nl', 'en'] as const) {
      for (const text of [entry.title[lang], entry.text[lang], ...entry.keywords[lang], ...entry.questions[lang]]) vote(text, lang);
    }
    for (const [, text] of entryFields(entry)) for (const token of toTokens(text)) vocabulary.add(token);
  }
  for (const phase of knowledge.phases) {
    for (const lang of ['nl', 'en'] as const) {
      for (const text of [phase.title[lang], ...phase.keywords[lang]]) {
        vote(text, lang);
        for (const token of toTokens(text)) vocabulary.add(token);
      }
    }
  }

  const analyse = (text: string): string[] => toTerms(glossary, toTokens(text)).map((t) => t.term);

  const indexed: IndexedEntry[] = knowledge.entries.map((entry) => {
    const weights = new Map<string, number>();
    for (const [field, text] of entryFields(entry)) {
      for (const term of analyse(text)) weights.set(term, Math.max(weights.get(term) ?? 0, FIELD_WEIGHTS[field]));
    }
    return { entry, weights };
  });

  const documentFrequency = new Map<string, number>();
  for (const { weights } of indexed) for (const term of weights.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const total = indexed.length;
  const idf = (term: string): number => Math.log(1 + total / (documentFrequency.get(term) ?? 0.5));
  const unknownIdf = Math.log(1 + total / 0.5);

  const postings = new Map<string, IndexedEntry[]>();
  for (const item of indexed) {
    for (const term of item.weights.keys()) {
      const list = postings.get(term) ?? [];
      list.push(item);
      postings.set(term, list);
    }
  }

  const correct = createCorrector([...vocabulary].filter((word) => word.length >= MIN_FUZZY_LENGTH - 1 && !STOP_WORDS.has(word)));
  const known = (token: string): boolean => vocabulary.has(token) || STOP_WORDS.has(token);

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
      for (const token of toTokens(text)) {
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
      const terms = toTerms(glossary, tokens.map((t) => t.token), tokens.map((t) => t.quality));
      const mass = terms.reduce((sum, t) => sum + (documentFrequency.has(t.term) ? idf(t.term) : unknownIdf), 0);
      if (mass === 0) return { terms: [], candidates: [] };

      const scores = new Map<IndexedEntry, { strength: number; explained: number }>();
      for (const { term, quality } of terms) {
        const weight = idf(term);
        for (const item of postings.get(term) ?? []) {
          const score = scores.get(item) ?? { strength: 0, explained: 0 };
          const fieldWeight = item.weights.get(term) ?? 0;
          score.strength += weight * fieldWeight * quality;
          score.explained += weight * quality * Math.min(1, 0.6 + fieldWeight / 5);
          scores.set(item, score);
        }
      }
      const candidates = [...scores.entries()]
        .map(([item, score]) => ({ entry: item.entry, strength: score.strength, confidence: Math.min(1, score.explained / mass) }))
        .sort((a, b) => b.strength - a.strength || b.confidence - a.confidence)
        .slice(0, limit);
      return { terms: terms.map((t) => t.term), candidates };
    },
  };
}

/** Glossary rewrite, stop-word removal and stemming; a rewritten term keeps the lowest quality of its words. */
function toTerms(glossary: GlossaryRewriter, tokens: readonly string[], qualities?: readonly number[]): QueryTerm[] {
  const out = new Map<string, number>();
  for (const { token, from, to } of glossary.rewrite(tokens)) {
    if (STOP_WORDS.has(token) || token.length < 2) continue;
    const quality = qualities ? Math.min(...qualities.slice(from, to)) : 1;
    const term = stem(token);
    out.set(term, Math.max(out.get(term) ?? 0, quality));
  }
  return [...out.entries()].map(([term, quality]) => ({ term, quality }));
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
 * Typo correction: fuse.js over the known words of similar length (one index per length keeps each
 * search small), with a cache because the same misspellings come back.
 */
function createCorrector(words: readonly string[]): (token: string) => { token: string; quality: number } | undefined {
  const byLength = new Map<number, string[]>();
  for (const word of words) byLength.set(word.length, [...(byLength.get(word.length) ?? []), word]);
  const fuses = new Map<number, Fuse<string>>();
  const fuseFor = (length: number): Fuse<string> | undefined => {
    const list = byLength.get(length);
    if (!list) return undefined;
    let fuse = fuses.get(length);
    if (!fuse) {
      fuse = new Fuse(list, { includeScore: true, threshold: TYPO_THRESHOLD, ignoreLocation: true, isCaseSensitive: true, shouldSort: true });
      fuses.set(length, fuse);
    }
    return fuse;
  };
  const cache = new Map<string, { token: string; quality: number } | null>();

  return (token) => {
    const cached = cache.get(token);
    if (cached !== undefined) return cached ?? undefined;
    let best: { token: string; score: number } | undefined;
    const spread = token.length >= 7 ? 2 : 1;
    for (let length = token.length - spread; length <= token.length + spread; length++) {
      const hit = fuseFor(length)?.search(token, { limit: 1 })[0];
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

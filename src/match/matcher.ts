// Finds the roadmap entry a question is about. The message is read in parts (the question, its context,
// who is asking, places and themes: see message.ts); words are folded, typo-corrected against the
// knowledge's own vocabulary with fuse.js, rewritten through the glossary and stemmed. Entries, and the
// near topics the roadmap does not cover, are ranked by field-weighted, IDF-weighted term overlap, each
// word weighed by the role of its part. The confidence is how much of the evidence the best entry
// explains against what the question asks that it does not: only the question's own words count against
// it, so context does not turn a good match down, and a question about something else falls below the threshold.
import type { Knowledge } from '../knowledge/load.js';
import type { Entry, Lang, OutOfScopeTopic } from '../knowledge/schema.js';
import { entryFields, FIELD_WEIGHTS, topicFields } from './fields.js';
import { ROLE_WEIGHTS, type MessagePart, type PartRole } from './message.js';
import { createCompleter, createCorrector, joinSplitCompounds, LONG_WORD_LENGTH, MIN_FUZZY_LENGTH, splitCompound } from './typos.js';
import { resolvePointing } from './pointing.js';
import { joinSeparableVerbs } from './separable.js';
import { CHAT_FILLERS, createGlossaryRewriter, oneEditApart, STOP_WORDS, stem, toTokens, type GlossaryRewriter } from './normalize.js';

/** Saturation constant of the term weight: the weight of a term named in many fields tends to k + 1. */
const SATURATION = 4;
/** How sure a completed cut-off word is ("voortgangsrapp" → voortgangsrapportage). */
const COMPLETION_QUALITY = 0.9;
/** The shortest word that is read as a misspelt filler ("wnneer") when it is one edit from one. */
const MIN_FILLER_TYPO = 5;
/** Below this share of the first's strength, the second entry does not rank about equally. */
const NEAR_TIE = 0.98;
/** How much each kind of evidence weighs in the confidence. */
export interface MatchWeights {
  /** A known word of the question that the entry does not explain, against it. */
  unexplained: number;
  /** A word the knowledge does not know at all, against every entry: the question is about something else. */
  unknown: number;
  /** The same for a word of one to three letters, which is as likely a typo or an abbreviation. */
  unknownShort: number;
  /** The doubt of a typo correction (1 − its quality), against every entry, as an unknown word would. */
  doubt: number;
  /** The weight of a word by the role of its part of the message. */
  roles: Readonly<Record<PartRole, number>>;
}

/** The weights chosen on the development sets (see `npm run eval`). */
const DEFAULT_MATCH_WEIGHTS: Readonly<MatchWeights> = Object.freeze({ unexplained: 0.5, unknown: 1, unknownShort: 0.5, doubt: 1.5, roles: ROLE_WEIGHTS });

export const DEFAULT_MATCH_OPTIONS: Readonly<MatchOptions> = Object.freeze({ threshold: 0.48, weights: DEFAULT_MATCH_WEIGHTS });


export interface MatchOptions {
  /** Below this confidence the question is declined. */
  threshold: number;
  weights: Readonly<MatchWeights>;
}

/** One ranked candidate. */
interface Candidate {
  entry: Entry;
  /** Field- and IDF-weighted overlap, for ranking. */
  strength: number;
  /** How much of the question this entry explains, 0–1: explained / (explained + weight of what it does not explain). */
  confidence: number;
}

/** A near topic that the roadmap does not cover, as a candidate. */
interface TopicCandidate {
  topic: OutOfScopeTopic;
  /** Field- and IDF-weighted overlap, for ranking. */
  strength: number;
  /** The part of `strength` from words of the question that no roadmap entry has ("vakantiedagen"). */
  exclusive: number;
  /** How much of the question this entry explains, 0–1: explained / (explained + weight of what it does not explain). */
  confidence: number;
}

interface MatchResult {
  /** The question's terms after normalisation (for diagnostics). */
  terms: string[];
  /** Roadmap entries, best first (at most `limit`). */
  candidates: Candidate[];
  /** The near topic outside the roadmap that fits best, if any fits at all. */
  outOfScope: TopicCandidate | undefined;
}

interface QueryTerm {
  term: string;
  /** How much the term weighs: the role of its part, times less for a typo correction. */
  weight: number;
  /** For a typo correction: how unsure it is (the role's weight times 1 − quality); 0 for a word as typed. */
  doubt: number;
  /** A word of the question itself: if no entry explains it, that counts against the match. */
  counts: boolean;
}

/** A token of the message with its weight and whether it counts against a match. */
interface QueryToken {
  token: string;
  weight: number;
  doubt: number;
  counts: boolean;
}

interface Posting {
  entries: number[];
  rank: number[];
  explain: number[];
}

interface IndexedDocument {
  weights: Map<string, number>;
}

export interface Matcher {
  /** Ranks the entries for a message, or for its parts as `readMessage` made them. */
  match(message: string | readonly MessagePart[], limit?: number): MatchResult;
  /** The language of a question, or undefined when its words do not tell. */
  detectLanguage(text: string): Lang | undefined;
  /** Number of distinct words the typo correction aims at (for diagnostics and benchmarks). */
  readonly vocabularySize: number;
}

/** Builds the matcher's index over the knowledge. */
export function createMatcher(knowledge: Knowledge, weights: Readonly<MatchWeights> = DEFAULT_MATCH_WEIGHTS): Matcher {
  // The index reads each text several times (vocabulary, language votes, terms): fold it once.
  const tokenCache = new Map<string, string[]>();
  const tokensOf = (text: string): string[] => {
    let tokens = tokenCache.get(text);
    if (!tokens) tokenCache.set(text, (tokens = toTokens(text)));
    return tokens;
  };
  const glossary = createGlossaryRewriter(knowledge.glossary);
  // Glossary terms that name places (countries, nationalities) or sectors: context in a question, never the topic.
  const placeTerms = new Set(knowledge.glossary.filter((term) => term.place === true || term.theme === true).map((term) => stem(term.canonical)));
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
  for (const topic of knowledge.outOfScope) [...topic.keywords.nl, ...topic.keywords.en].forEach(keep);
  const langVotes = new Map<string, { nl: number; en: number }>();

  const vote = (text: string, lang: Lang): void => {
    for (const token of tokensOf(text)) {
      const votes = langVotes.get(token) ?? { nl: 0, en: 0 };
      votes[lang] += 1;
      langVotes.set(token, votes);
    }
  };
  const learn = (fields: Array<[keyof typeof FIELD_WEIGHTS, string]>): void => {
    for (const [field, text] of fields) {
      for (const token of tokensOf(text)) {
        vocabulary.add(token);
        if (field !== 'text' && field !== 'notes') topicWords.add(token);
      }
    }
  };
  for (const entry of knowledge.entries) {
    for (const lang of ['nl', 'en'] as const) {
      for (const text of [entry.title[lang], entry.text[lang], ...entry.keywords[lang], ...entry.questions[lang]]) vote(text, lang);
    }
    learn(entryFields(entry));
  }
  for (const topic of knowledge.outOfScope) learn(topicFields(topic));
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
  const analyse = (text: string): string[] => toTerms(glossary, stopWords, tokensOf(text).map((token) => ({ token, weight: 1, doubt: 0, counts: true }))).map((t) => t.term);
  const index = (fields: Array<[keyof typeof FIELD_WEIGHTS, string]>): IndexedDocument => {
    const weights = new Map<string, number>();
    for (const [field, text] of fields) {
      for (const term of new Set(analyse(text))) weights.set(term, (weights.get(term) ?? 0) + FIELD_WEIGHTS[field]);
    }
    for (const term of placeTerms) weights.delete(term);
    return { weights };
  };
  // Entries first, then the near topics outside the roadmap: one index, so that their scores compare.
  const indexed: IndexedDocument[] = [...knowledge.entries.map((entry) => index(entryFields(entry))), ...knowledge.outOfScope.map((topic) => index(topicFields(topic)))];

  tokenCache.clear();
  const documentFrequency = new Map<string, number>();
  for (const { weights } of indexed) for (const term of weights.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const total = indexed.length;
  const idf = (term: string): number => Math.log(1 + total / (documentFrequency.get(term) ?? 0.5));
  const unknownIdf = Math.log(1 + total / 0.5);

  // Postings per term: the documents that contain it with their precomputed ranking and explaining weights.
  const postings = new Map<string, Posting>();
  indexed.forEach((item, i) => {
    for (const [term, fieldWeight] of item.weights) {
      let posting = postings.get(term);
      if (!posting) postings.set(term, (posting = { entries: [], rank: [], explain: [] }));
      posting.entries.push(i);
      // Saturating term weight (as in BM25): being named often helps, but less and less.
      posting.rank.push((fieldWeight * (SATURATION + 1)) / (fieldWeight + SATURATION));
      // A word only in the running text explains a question less than one in a title or keyword.
      posting.explain.push(Math.min(1, 0.6 + fieldWeight / 5));
    }
  });
  // Matching needs only the postings; the per-document maps go, which keeps the heap (and GC pauses) small.
  const entryCount = knowledge.entries.length;
  const entries = knowledge.entries;
  const topics = knowledge.outOfScope;
  indexed.length = 0;
  const strength = new Float64Array(total);
  const explained = new Float64Array(total);
  const explainedOwn = new Float64Array(total);
  const exclusive = new Float64Array(total);

  const longFillers = [...CHAT_FILLERS].filter((word) => word.length >= MIN_FILLER_TYPO);
  const correct = createCorrector([...topicWords].filter((word) => word.length >= MIN_FUZZY_LENGTH - 1 && !stopWords.has(word)));
  const complete = createCompleter([...topicWords].filter((word) => !stopWords.has(word)));
  const known = (token: string): boolean => vocabulary.has(token) || stopWords.has(token);
  const isVerb = (token: string): boolean => vocabulary.has(token) || glossary.variantTokens.has(token);
  const isPhrase = (first: string, second: string): boolean => glossary.continuations(first).includes(second);

  /** The message's tokens with their weights: typos corrected, compounds split, names and themes set aside. */
  const readTokens = (parts: readonly MessagePart[]): QueryToken[] => {
    const tokens: QueryToken[] = [];
    const shortFixes: Array<{ at: number; token: string; quality: number }> = [];
    const said: string[] = [];
    for (const part of parts) {
      const read = joinSplitCompounds(joinSeparableVerbs(part.text, isVerb), vocabulary, isPhrase);
      // A capitalised word after "in" is a place unless the knowledge knows it (`in Mobility Tool+`).
      const role = part.ifTopic && read.some((token) => topicWords.has(token) && !stopWords.has(token)) ? part.ifTopic : part.role;
      const weight = weights.roles[role];
      if (weight === 0) continue;
      const counts = role === 'focus';
      const partTokens = counts ? resolvePointing(read, said.filter((token) => topicWords.has(token) && !stopWords.has(token)), glossary) : read;
      said.push(...read);
      for (const [i, token] of partTokens.entries()) {
        // A word too short for fuzzy search is corrected by its neighbour: "mobilty tol" → mobility tool.
        const phrase = !known(token) && token.length < MIN_FUZZY_LENGTH ? glossary.continuations(tokens.at(-1)?.token ?? '').find((word) => oneEditApart(token, word)) : undefined;
        if (phrase && i > 0) {
          tokens.push({ token: phrase, weight, doubt: 0, counts });
          continue;
        }
        if (known(token) || token.length < MIN_FUZZY_LENGTH || /\d/.test(token)) {
          tokens.push({ token, weight, doubt: 0, counts });
          continue;
        }
        // A misspelt question or filler word ("wnneer", "hoeveeel") is not a word the roadmap lacks.
        if (counts && token.length >= MIN_FILLER_TYPO && longFillers.some((word) => oneEditApart(token, word))) continue;
        const split = splitCompound(token, vocabulary);
        if (split) {
          for (const piece of split) tokens.push({ token: piece, weight: weight * 0.9, doubt: 0, counts });
          continue;
        }
        // Only the question's own words are completed or typo-corrected: in context, an unknown word is more
        // likely a name or a theme ("agri-food", "Eastern Europe") than a cut-off or misspelt roadmap word.
        const completed = counts ? complete(token) : undefined;
        if (completed) {
          tokens.push({ token: completed, weight: weight * COMPLETION_QUALITY, doubt: weight * (1 - COMPLETION_QUALITY), counts });
          continue;
        }
        const fix = counts ? correct(token) : undefined;
        if (fix && token.length < LONG_WORD_LENGTH) shortFixes.push({ at: tokens.length, token: fix.token, quality: fix.quality });
        tokens.push(fix && token.length >= LONG_WORD_LENGTH ? { token: fix.token, weight: weight * fix.quality, doubt: weight * (1 - fix.quality), counts } : { token, weight, doubt: 0, counts });
      }
    }
    // A short word is taken for a typo only beside a word the knowledge knows as typed ("desk chek"), not
    // when it would be the message's only link to the roadmap ("lunch" is not "launch").
    if (tokens.some((t) => topicWords.has(t.token) && !stopWords.has(t.token))) {
      for (const fix of shortFixes) {
        const typed = tokens[fix.at];
        if (typed) tokens[fix.at] = { ...typed, token: fix.token, weight: typed.weight * fix.quality, doubt: typed.weight * (1 - fix.quality) };
      }
    }
    return tokens;
  };

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
    match(message, limit = 5) {
      const parts: readonly MessagePart[] = typeof message === 'string' ? [{ text: message, role: 'focus' }] : message;
      const terms = toTerms(glossary, stopWords, readTokens(parts)).filter((t) => !placeTerms.has(t.term));
      // Only the question's own words count against a match: what it asks that no entry explains.
      let knownMass = 0;
      let againstMass = 0;
      for (const t of terms) {
        if (!t.counts) continue;
        againstMass += unknownIdf * t.doubt * weights.doubt;
        if (documentFrequency.has(t.term)) knownMass += idf(t.term) * t.weight;
        // A number the knowledge does not know (a year, a count) says nothing about the topic.
        else if (!/^\d+$/.test(t.term)) againstMass += unknownIdf * t.weight * (t.term.length <= 3 ? weights.unknownShort : weights.unknown);
      }
      const termList = terms.map((t) => t.term);
      if (!terms.some((t) => documentFrequency.has(t.term))) return { terms: termList, candidates: [], outOfScope: undefined };

      const touched: number[] = [];
      for (const { term, weight: termWeight, counts } of terms) {
        const posting = postings.get(term);
        if (!posting) continue;
        const weight = idf(term) * termWeight;
        const onlyTopics = counts && (posting.entries[0] ?? 0) >= entryCount;
        for (let i = 0; i < posting.entries.length; i++) {
          const doc = posting.entries[i] ?? 0;
          if (strength[doc] === 0) touched.push(doc);
          const explains = weight * (posting.explain[i] ?? 0);
          strength[doc] = (strength[doc] ?? 0) + weight * (posting.rank[i] ?? 0);
          explained[doc] = (explained[doc] ?? 0) + explains;
          if (counts) explainedOwn[doc] = (explainedOwn[doc] ?? 0) + explains;
          if (onlyTopics) exclusive[doc] = (exclusive[doc] ?? 0) + weight;
        }
      }
      const top: Candidate[] = [];
      let outOfScope: TopicCandidate | undefined;
      for (const doc of touched) {
        const docStrength = strength[doc] ?? 0;
        const against = weights.unexplained * Math.max(0, knownMass - (explainedOwn[doc] ?? 0)) + againstMass;
        const docExplained = explained[doc] ?? 0;
        const confidence = docExplained / (docExplained + against);
        const docExclusive = exclusive[doc] ?? 0;
        strength[doc] = 0;
        explained[doc] = 0;
        explainedOwn[doc] = 0;
        exclusive[doc] = 0;
        if (doc >= entryCount) {
          // The topic with words of its own in the question comes first, then the strongest.
          if (!outOfScope || docExclusive > outOfScope.exclusive || (docExclusive === outOfScope.exclusive && docStrength > outOfScope.strength)) {
            outOfScope = { topic: topics[doc - entryCount]!, strength: docStrength, exclusive: docExclusive, confidence };
          }
          continue;
        }
        const last = top[top.length - 1];
        if (top.length === limit && last && docStrength <= last.strength) continue;
        const candidate = { entry: entries[doc]!, strength: docStrength, confidence };
        // Keep the best `limit` in order; ties keep knowledge order, so results are stable.
        let at = top.length;
        while (at > 0 && (top[at - 1]?.strength ?? 0) < docStrength) at--;
        top.splice(at, 0, candidate);
        if (top.length > limit) top.pop();
      }
      // Two entries that rank about equally: the one that explains more of the question goes first.
      const [first, second] = top;
      if (first && second && second.strength >= first.strength * NEAR_TIE && second.confidence > first.confidence) [top[0], top[1]] = [second, first];
      return { terms: termList, candidates: top, outOfScope };
    },
  };
}

/** Glossary rewrite, stop-word removal and stemming; a rewritten term keeps the lowest weight of its words, and counts if any of them does. */
function toTerms(glossary: GlossaryRewriter, stopWords: ReadonlySet<string>, tokens: readonly QueryToken[]): QueryTerm[] {
  const out = new Map<string, QueryTerm>();
  for (const { token, from, to } of glossary.rewrite(tokens.map((t) => t.token))) {
    if (stopWords.has(token) || token.length < 2) continue;
    const span = tokens.slice(from, to);
    // A corrected word that completes a glossary phrase with a word as typed ("desk chek") is confirmed by it.
    const confirmed = span.length > 1 && span.some((t) => t.doubt === 0);
    const weight = confirmed ? Math.max(...span.map((t) => t.weight)) : Math.min(...span.map((t) => t.weight));
    const doubt = confirmed ? 0 : Math.max(...span.map((t) => t.doubt));
    const counts = span.some((t) => t.counts);
    const term = stem(token);
    const seen = out.get(term);
    out.set(term, seen ? { term, weight: Math.max(seen.weight, weight), doubt: Math.min(seen.doubt, doubt), counts: seen.counts || counts } : { term, weight, doubt, counts });
  }
  return [...out.values()];
}

// Text normalisation shared by the index and the questions: case, diacritics and punctuation are
// folded away, glossary variants become one canonical token, stop words go, and words are lightly stemmed.
import { createRequire } from 'node:module';
import { LRUCache } from 'lru-cache';
import type { GlossaryTerm } from '../knowledge/schema.js';

const stopwordsIso = createRequire(import.meta.url)('stopwords-iso') as Record<'nl' | 'en', string[]>;
/** A character outside ASCII: only such text can carry diacritics. */
const NON_ASCII = /[^\x00-\x7f]/;

/** Words that carry no topic in chat questions, beyond the library's Dutch and English lists. */
const CHAT_FILLER_WORDS = [
  // Dutch
  'ik', 'jij', 'je', 'jullie', 'wij', 'we', 'ons', 'onze', 'mijn', 'mij', 'u', 'uw', 'hoe', 'wat', 'waar', 'wanneer', 'welke',
  'welk', 'wie', 'waarom', 'moet', 'moeten', 'kan', 'kun', 'kunnen', 'mag', 'mogen', 'graag', 'even', 'eigenlijk', 'precies',
  'nodig', 'vind', 'vinden', 'hebben', 'heb', 'hebt', 'heeft', 'gaat', 'gaan', 'doe', 'doet', 'krijg', 'krijgen', 'iets',
  'zit', 'staat', 'staan', 'hier', 'daar', 'over', 'hulp', 'help', 'vraag', 'vraagje', 'info', 'informatie', 'nou',
  'toch', 'ff', 'svp', 'aub', 'alsjeblieft', 'bedankt', 'dank', 'hallo', 'hoi', 'hey', 'zou', 'zouden', 'willen', 'wil', 'weet',
  'weten', 'meer', 'welke', 'waarmee', 'waarvoor', 'hoeveel', 'heet', 'heten', 'tegenwoordig', 'momenteel', 'nog', 'steeds',
  'soort', 'manier', 'mogelijk', 'mogelijke', 'staat', 'betekent', 'precies', 'houdt', 'inhoudt', 'inhouden',
  'erachter', 'zoiets', 'verstandig', 'handig', 'raad', 'aanraden', 'geeft', 'qua', 'nagaan', 'pak', 'aanpakken', 'halen',
  // Words that point back to what was said: "Hoe komen we daaraan?"
  'daaraan', 'daarvoor', 'daarmee', 'daarover', 'daarop', 'daarin', 'daarbij', 'daarvan', 'hieraan', 'hiervoor', 'hiermee',
  'hierover', 'hierin', 'hierbij', 'ervoor', 'ermee', 'erover', 'erin', 'erop', 'erbij',
  // Chat abbreviations: "vh" (van het), "ivm" (in verband met), "mbt" (met betrekking tot) …
  'vh', 'vd', 'vn', 'ivm', 'mbt', 'tav', 'iig', 'iaw', 'evt', 'wss', 'idd', 'mvg', 'gr', 'ofzo', 'enzo', 'dus',
  'allereerste', 'allerlaatste', 'volgt', 'regelen', 'eerst', 'goed', 'goede', 'elkaar', 'verlopen', 'verloopt', 'uiteindelijk', 'werkt', 'ergens', 'huidige', 'huidig', 'achteraf', 'gewone', 'gewoon', 'laten', 'eraan', 'beschrijven', 'beschrijf', 'beschrijft', 'tevoren', 'ongeveer', 'binnenkort', 'plz', 'pls', 'ok', 'oke', 'zon', 'overwegen', 'overweeg', 'ruim', 'kreeg', 'kregen', 'klopt', 'zn',
  // Everyday words that say nothing about the topic: "nog nooit een project gedaan", "bestaat er …", "een linkje".
  'gedaan', 'deden', 'deed', 'meteen', 'gebeuren', 'geheel', 'tips', 'tip', 'zomaar', 'allemaal', 'weleens', 'bruikbaar',
  'straks', 'geregeld', 'verwacht', 'verwachten', 'helemaal', 'ipv', 'vlak', 'bestaat', 'bestaan', 'linkje', 'linkjes', 'hoera',
  'smth', 'sth', 'usable', 'useable', 'tells', 'told', 'supposed', 'suppose', 'stuff', 'expected', 'expect', 'genuinely',
  'honestly', 'yr', 'big', 'lots', 'bad', 'fine', 'nah', 'owe', 'simple', 'simply', 'basically', 'actually', 'exists', 'exist',
  'newbies', 'newbie', 'hear', 'single', 'heen', 'erheen', 'daarheen', 'bit', 'bitje',
  // English
  'need', 'needs', 'want', 'find', 'know', 'tell', 'please', 'thanks', 'hello', 'hi', 'hey', 'does', 'doing', 'done', 'anyone',
  'someone', 'us', 'i', 'im', 'ive', 'dont', 'info', 'information', 'about', 'when', 'why', 'will', 'shall', 'may', 'there',
  'what', 'where', 'which', 'who', 'how', 'whats', 'wheres', 'put', 'give', 'use', 'using', 'much', 'many', 'any', 'called',
  'named', 'nowadays', 'currently', 'anymore', 'still', 'kind', 'sort', 'way', 'possible', 'stand', 'mean', 'means', 'exactly',
  'btw', 'fyi', 'asap', 'abt', 'thx', 'imo', 'tbh', 'afaik', 'ur', 'r', 'ya',
  'rest', 'kinds', 'properly', 'exact', 'wise', 'sensible', 'advisable', 'arrange', 'sort', 'okay', 'first', 'eventually', 'works', 'describe', 'describing', 'beforehand', 'roughly', 'soon',
];

/**
 * Dutch and English stop words (the stopwords-iso lists plus chat fillers), already folded. The matcher
 * keeps those that the knowledge uses to name a topic (a title, keyword or glossary word).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([...stopwordsIso.nl, ...stopwordsIso.en, ...CHAT_FILLER_WORDS].map((word) => fold(word)));

/** Question and filler words that stay stop words even where a keyword uses them. */
export const CHAT_FILLERS: ReadonlySet<string> = new Set(CHAT_FILLER_WORDS.map((word) => fold(word)));

/** Lower case, no diacritics, only letters, digits, `+` and single spaces. */
export function fold(text: string): string {
  // Plain ASCII has no diacritics to take off.
  return (NON_ASCII.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text)
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

/** Splits folded text into tokens. */
function tokenize(folded: string): string[] {
  return folded === '' ? [] : folded.split(' ');
}

/**
 * A light suffix stemmer for Dutch and English: it only has to map a word and its plural or verb forms
 * to the same key, in questions and knowledge alike, so it favours few rules over linguistic precision.
 */
export function stem(token: string): string {
  if (token.length <= 4 || /\d/.test(token)) return token;
  const cached = stemCache.get(token);
  if (cached !== undefined) return cached;
  const result = stemUncached(token);
  stemCache.set(token, result);
  return result;
}

const stemCache = new LRUCache<string, string>({ max: 50_000 });

function stemUncached(token: string): string {
  const rules: Array<[RegExp, string]> = [
    // Dutch -tie and English -tion share a stem: informatie / information, innovatie / innovation.
    [/(ie|ion)s?$/, ''],
    [/ies$/, 'y'],
    [/(ing|en|es|ed|ers|er)$/, ''],
    [/(s|e)$/, ''],
  ];
  let stemmed = token;
  for (const [pattern, replacement] of rules) {
    const candidate = token.replace(pattern, replacement);
    if (candidate !== token && candidate.length >= 4) {
      stemmed = candidate;
      break;
    }
  }
  // Dutch doubles a vowel in a closed syllable (resultaat, resultaten): fold both to one form.
  return stemmed.replace(/(.)\1$/, '$1').replace(/([aeou])\1([^aeiou])$/, '$1$2');
}

/** Rewrites glossary variants (matched as whole token sequences, longest first) to their canonical token. */
export interface GlossaryRewriter {
  /** The rewritten tokens, each with the range `[from, to)` of input tokens it stands for. */
  rewrite(tokens: readonly string[]): Array<{ token: string; from: number; to: number }>;
  /** Every token that occurs in some variant, so that typo correction can aim at them. */
  readonly variantTokens: ReadonlySet<string>;
  /** The words that follow `token` in a variant (`mobility` → `tool`), for correcting a short word by its neighbour. */
  continuations(token: string): readonly string[];
}

/** Builds the rewriter from the glossary terms. */
export function createGlossaryRewriter(terms: readonly GlossaryTerm[]): GlossaryRewriter {
  const byFirst = new Map<string, Array<{ tokens: string[]; canonical: string }>>();
  const variantTokens = new Set<string>();
  const toVariantTokens = (variant: string): string[] => tokenize(fold(variant)).map((token) => token.replace(/\+/g, '') || token);
  const written = new Set(terms.flatMap((term) => [...term.variants, term.canonical].map((variant) => toVariantTokens(variant).join(' '))));
  for (const term of terms) {
    for (const variant of [...term.variants, term.canonical]) {
      const tokens = toVariantTokens(variant);
      // A hyphenated variant is also typed as one word ("co-funded", "cofunded"), unless that word is a variant itself.
      const joined = variant.includes('-') && tokens.length > 1 ? tokens.join('') : undefined;
      for (const form of joined === undefined || written.has(joined) ? [tokens] : [tokens, [joined]]) {
        const first = form[0];
        if (first === undefined) continue;
        form.forEach((token) => variantTokens.add(token));
        const list = byFirst.get(first) ?? [];
        list.push({ tokens: form, canonical: term.canonical });
        byFirst.set(first, list);
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

  const next = new Map<string, string[]>();
  for (const [first, list] of byFirst) next.set(first, [...new Set(list.map((c) => c.tokens[1]).filter((t): t is string => t !== undefined))]);
  return {
    variantTokens,
    continuations: (token) => next.get(token) ?? [],
    rewrite(tokens) {
      const out: Array<{ token: string; from: number; to: number }> = [];
      for (let i = 0; i < tokens.length; ) {
        const candidates = byFirst.get(tokens[i] ?? '');
        const hit = candidates?.find((c) => c.tokens.every((token, k) => tokens[i + k] === token));
        const length = hit ? hit.tokens.length : 1;
        out.push({ token: hit ? hit.canonical : (tokens[i] ?? ''), from: i, to: i + length });
        i += length;
      }
      return out;
    },
  };
}

/** Chat shorthand for the words a question is about: "monitoring mtg", "interim rprt", "strat partnerschap". */
const CHAT_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['mtg', 'meeting'],
  ['mtgs', 'meetings'],
  ['rprt', 'report'],
  ['rpt', 'report'],
  ['strat', 'strategisch'],
  ['bijeenk', 'bijeenkomst'],
  ['appl', 'application'],
  ['aanvr', 'aanvraag'],
  ['prog', 'programme'],
]);

/** Folds and tokenises text, with `+` kept only where it stands alone in a token such as `mt+`. */
export function toTokens(text: string): string[] {
  return tokenize(fold(text))
    .map((token) => {
      if (token.length <= 1) return token;
      const word = token.replace(/\+$/, '');
      return CHAT_ABBREVIATIONS.get(word) ?? word;
    })
    .filter((token) => token !== '+' && token !== '');
}

/** True when `a` becomes `b` by one inserted, deleted, replaced or swapped letter. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

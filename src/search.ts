// The search behind a compose box (the Teams message extension): as the user types, the answer of a skill
// that may be searched (a distance for `afstand Zwolle Helsinki`), the phases whose name holds the query,
// then the entries that match: the matcher's candidates (whole words, typos, synonyms), then entries whose
// title or keywords hold every typed word, so that a half-typed word already finds something. An empty
// query lists the phases. Each hit is the reply to show and a plain one-line preview; adapters render them.
import type { Input } from './input.js';
import type { Knowledge } from './knowledge/load.js';
import type { Lang } from './knowledge/schema.js';
import type { Matcher } from './match/matcher.js';
import { stripMarkdown } from './plain-text.js';
import { answerFor, phaseReply, type Presenter } from './present.js';
import type { Reply } from './reply.js';
import type { Skill } from './skill.js';
import { t } from './texts.js';

/** Most hits one search returns; Teams lists them in a scrolling pop-up. */
const MAX_SEARCH_HITS = 10;

/** One search result: the reply it stands for, and its line in the result list. */
interface SearchHit {
  /** Plain text. */
  title: string;
  /** Plain text, one line. */
  summary: string;
  reply: Reply;
}

export interface SearchResults {
  lang: Lang;
  hits: SearchHit[];
  /** Shown instead of hits when the query was not searched (too long); plain text. */
  notice?: string;
}

export interface SearchParts {
  knowledge: Knowledge;
  matcher: Matcher;
  presenter: Presenter;
  /** Only skills marked `searchable` are asked. */
  skills: readonly Skill[];
  languageOf(text: string, fallback?: Lang): Lang;
  maxQueryLength: number;
}

function firstLine(markdown: string): string {
  return stripMarkdown(markdown).split('\n')[0]?.trim() ?? '';
}

/** Creates the search over the assistant's parts. */
export function createSearch(parts: SearchParts): (query: string, lang: Lang | undefined, conversation: Input['conversation']) => Promise<SearchResults> {
  const { knowledge, matcher, presenter } = parts;
  const searchable = parts.skills.filter((skill) => skill.searchable);
  const folded = (text: string): string => text.toLocaleLowerCase('nl');
  const haystacks = new Map(
    knowledge.entries.map((entry) => [entry.id, folded([entry.title.nl, entry.title.en, ...entry.keywords.nl, ...entry.keywords.en].join(' '))]),
  );

  const entryIds = (query: string, limit: number): string[] => {
    const ids = matcher.match(query, limit).candidates.map((candidate) => candidate.entry.id);
    const words = folded(query).split(' ').filter((word) => word.length >= 2);
    if (words.length > 0) {
      for (const [id, haystack] of haystacks) {
        if (!ids.includes(id) && words.every((word) => haystack.includes(word))) ids.push(id);
      }
    }
    return ids;
  };

  return async (raw, hint, conversation) => {
    const trimmed = raw.trim();
    if (trimmed.length > parts.maxQueryLength) {
      const lang = hint ?? parts.languageOf('');
      return { lang, hits: [], notice: t(lang, 'tooLong', { max: parts.maxQueryLength }) };
    }
    const query = trimmed.replace(/\s+/g, ' ');
    const lang = query ? parts.languageOf(query, hint) : (hint ?? parts.languageOf(''));
    const hits: SearchHit[] = [];

    if (query !== '') {
      for (const skill of searchable) {
        const reply = await skill.handle({ input: { text: query, lang, conversation }, text: query, lang, action: undefined });
        if (reply?.kind === 'distance') hits.push({ title: reply.title, summary: firstLine(reply.body), reply });
      }
    }
    const phrase = folded(query);
    knowledge.phases.forEach((phase, i) => {
      const title = phase.title[lang];
      if (query === '' || (query.length >= 2 && folded(title).includes(phrase))) {
        hits.push({ title: `${i + 1}. ${title}`, summary: phase.summary[lang], reply: phaseReply(presenter, phase, lang) });
      }
    });
    if (query !== '') {
      for (const id of entryIds(query, MAX_SEARCH_HITS)) {
        const entry = knowledge.entryById.get(id);
        const phase = entry && knowledge.phaseById.get(entry.phase);
        if (!entry || !phase) continue;
        const reply = answerFor(presenter, entry, lang, 1);
        hits.push({ title: reply.title, summary: `${phase.title[lang]} · ${firstLine(reply.body)}`, reply });
      }
    }
    return { lang, hits: hits.slice(0, MAX_SEARCH_HITS) };
  };
}

// The texts of an entry and of a near topic outside the roadmap that the matcher indexes, each with the
// field it comes from.
import type { Entry, OutOfScopeTopic } from '../knowledge/schema.js';

/** Field weights: what an entry is called counts more than what its text mentions. */
export const FIELD_WEIGHTS = { title: 3, keywords: 3, questions: 2, links: 1, text: 1, notes: 1, block: 1.5 } as const;

/**
 * A near topic's answer says that the KA2 roadmap does not cover it: those words are left out of its text,
 * or "roadmap" and "KA2" would be words of every topic.
 */
export function topicFields(topic: OutOfScopeTopic): Array<[keyof typeof FIELD_WEIGHTS, string]> {
  const fields: Array<[keyof typeof FIELD_WEIGHTS, string]> = [];
  for (const lang of ['nl', 'en'] as const) {
    fields.push(['title', topic.title[lang]], ['text', topic.answer[lang].replace(/\b(?:KA2-?)?roadmap\b|\bKA2\b/gi, ' ')]);
    for (const keyword of topic.keywords[lang]) fields.push(['keywords', keyword]);
    for (const question of topic.questions[lang]) fields.push(['questions', question]);
  }
  return fields;
}

/** An entry's titles, texts, keywords, example questions, link labels and notes in both languages, and its flyer block. */
export function entryFields(entry: Entry): Array<[keyof typeof FIELD_WEIGHTS, string]> {
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

// The overview the core makes for a surface's home: every phase, how to ask, each tool link once.
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createAssistant } from '../src/assistant.js';
import { loadKnowledge } from '../src/knowledge/load.js';

const knowledge = loadKnowledge(fileURLToPath(new URL('../knowledge', import.meta.url)));
const assistant = createAssistant({ knowledge });

describe('assistant.overview', () => {
  test.each([
    ['nl', 'en', 'English', 'Snelle links'],
    ['en', 'nl', 'Nederlands', 'Quick links'],
  ] as const)('in %s: help, how to ask, every phase in order, quick links, a switch to %s', (lang, other, label, linksTitle) => {
    const overview = assistant.overview(lang);
    expect(overview.lang).toBe(lang);
    expect(overview.help.kind).toBe('help');
    expect(overview.usage.body).toContain('/erasmus');
    expect(overview.roadmap.phases.map((phase) => phase.title)).toEqual(knowledge.phases.map((phase) => phase.title[lang]));
    expect(overview.links.title).toBe(linksTitle);
    const urls = overview.links.items.map((link) => link.url);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.length).toBeLessThanOrEqual(12);
    expect(new Set(urls).size).toBe(urls.length);
    expect(overview.switchLang).toEqual({ label, lang: other });
  });
});

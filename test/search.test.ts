// The compose-box search over the fixture knowledge: phases for an empty query, entries from whole and
// half-typed words, a searchable skill's answer first, no other skill asked, and a cap on the query.
import { describe, expect, it } from 'vitest';
import { createAssistant, MAX_QUESTION_LENGTH } from '../src/assistant.js';
import { createDistanceSkill } from '../src/distance/skill.js';
import type { Conversation } from '../src/input.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Skill } from '../src/skill.js';

const knowledge = loadKnowledge('test/fixtures/knowledge');
const conversation: Conversation = { platform: 'teams', channelId: 'c', userId: 'u', kind: 'personal' };

describe('assistant.search', () => {
  const asked: string[] = [];
  const stateful: Skill = { name: 'stateful', handle: (request) => void asked.push(request.text) };
  const assistant = createAssistant({ knowledge, skills: [stateful, createDistanceSkill({ knowledgeDir: 'knowledge' })] });
  const titles = async (query: string, lang?: 'nl' | 'en') => (await assistant.search(query, lang, conversation)).hits.map((hit) => hit.title);

  it.each([
    ['', ['1. Voorbereiding', '2. Rapportage']],
    ['   ', ['1. Voorbereiding', '2. Rapportage']],
  ])('lists the phases for the query %j', async (query, expected) => {
    expect(await titles(query)).toEqual(expected);
  });

  it('finds phases and entries from a whole word, and entries from a half-typed one', async () => {
    const found = await titles('rapportage');
    expect(found[0]).toBe('2. Rapportage');
    expect(found).toEqual(expect.arrayContaining(['Voortgangsrapportage', 'Eindrapportage']));
    expect(await titles('partn')).toContain('Projectpartners zoeken');
  });

  it('puts a distance first, with a plain one-line preview and its reply', async () => {
    const { hits } = await assistant.search('afstand Zwolle Helsinki', undefined, conversation);
    expect(hits[0]).toMatchObject({ title: 'Zwolle – Helsinki', reply: { kind: 'distance' } });
    expect(hits[0]?.summary).not.toMatch(/\*\*|\n/);
  });

  it('asks only skills whose replies change nothing', async () => {
    await assistant.search('abonneer op deadlines', undefined, conversation);
    expect(asked).toEqual([]);
  });

  it('does not search a query longer than a message may be, and says why', async () => {
    const started = performance.now();
    const results = await assistant.search('rapportage '.repeat(20_000), 'en', conversation);
    expect(performance.now() - started).toBeLessThan(200);
    expect(results.hits).toEqual([]);
    expect(results.notice).toContain(`over ${MAX_QUESTION_LENGTH} characters`);
  });
});

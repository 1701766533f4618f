import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core.js';
import { isLoginSession, movedAddress } from '../../src/knowledge/addresses.js';
import type { AnswerReply, Reply } from '../../src/reply.js';

// Answers on the real knowledge lead with what applies under 2021–2027, with its source, and show the
// flyer's wording only as the 2014–2020 roadmap's; every link they show is today's address.
const { assistant, knowledge } = createCore({ knowledgeDir: 'knowledge' });
const conversation = { platform: 'console', channelId: 'current-first', userId: 'u', kind: 'personal' } as const;
const open = (id: string, lang: 'nl' | 'en'): Promise<Reply> => assistant.handle({ action: `entry:${id}`, lang, conversation });
const ask = (text: string): Promise<Reply> => assistant.handle({ text, conversation });
const asAnswer = (reply: Reply): AnswerReply => {
  if (reply.kind !== 'answer') throw new Error(`expected an answer, got ${reply.kind}`);
  return reply;
};

describe('answers lead with today', () => {
  it.each(knowledge.entries.map((entry) => entry.id))('%s shows only current addresses, and the roadmap wording last', async (id) => {
    const entry = knowledge.entryById.get(id);
    for (const lang of ['nl', 'en'] as const) {
      const answer = asAnswer(await open(id, lang));
      expect(answer.links.filter((link) => movedAddress(link.url) || isLoginSession(link.url))).toEqual([]);
      expect(answer.body.startsWith(entry?.text[lang] ?? '')).toBe(true);
      if (entry?.roadmap) {
        expect(answer.body.endsWith(`${lang === 'en' ? '**In the 2014–2020 roadmap:**' : '**In de roadmap 2014–2020:**'} ${entry.roadmap[lang]}`)).toBe(true);
        expect(answer.source).toContain(entry.sources[0]?.url ?? 'a source');
        expect(answer.source).toMatch(/2021–2027/);
      } else {
        expect(answer.body).not.toMatch(/roadmap 2014–2020/);
      }
    }
  });

  it.each([
    ['eindrapport indienen', 'Beneficiary Module', 'Mobility Tool+'],
    ['how do I get a PIC number', 'Organisation ID', 'PIC'],
    ['which logo must go on our posters', 'Co-funded by the European Union', 'Erasmus+ logo'],
    ['what does TCA stand for', 'Training and Cooperation Activities', 'Transnational Cooperation Activit'],
  ])('%j: today first (%s), the flyer after (%s)', async (question, today, flyer) => {
    const answer = asAnswer(await ask(question));
    const then = answer.body.search(/\*\*In (the 2014–2020 roadmap|de roadmap 2014–2020):\*\*/);
    expect(then).toBeGreaterThan(0);
    expect(answer.body.indexOf(today)).toBeGreaterThan(-1);
    expect(answer.body.indexOf(today)).toBeLessThan(then);
    expect(answer.body.slice(then)).toContain(flyer);
  });

  it.each([
    ['waar vind ik de afstandscalculator', 'https://erasmus-plus.ec.europa.eu/resources-and-tools/distance-calculator'],
    ['link to the programme guide please', 'https://erasmus-plus.ec.europa.eu/programme-guide/erasmusplus-programme-guide'],
    ['waar upload ik onze projectresultaten', 'https://erasmus-plus.ec.europa.eu/projects'],
    ['is eTwinning a good place to find a partner', 'https://school-education.ec.europa.eu/en/etwinning'],
  ])('%j links to %s', async (question, url) => {
    const answer = asAnswer(await ask(question));
    expect(answer.links.map((link) => link.url)).toContain(url);
  });
});

import { describe, expect, it } from 'vitest';
import { joinSeparableVerbs } from '../../src/match/separable.js';

const known = new Set(['vastleggen', 'indienen', 'aanvragen', 'invullen', 'bijhouden']);
const isWord = (token: string) => known.has(token);

describe('joinSeparableVerbs', () => {
  it.each([
    ['Hoe leggen we de samenwerking goed vast?', ['hoe', 'vastleggen', 'we', 'de', 'samenwerking', 'goed']],
    ['Wanneer dien ik het eindrapport in?', ['wanneer', 'indienen', 'ik', 'het', 'eindrapport']],
    ['Hoe vraag ik de subsidie aan, en wanneer?', ['hoe', 'aanvragen', 'ik', 'de', 'subsidie', 'en', 'wanneer']],
    ['Hoe vul ik het formulier in met mijn partners?', ['hoe', 'invullen', 'ik', 'het', 'formulier', 'met', 'mijn', 'partners']],
    ['Wanneer is het rapport in te dienen?', ['wanneer', 'is', 'het', 'rapport', 'indienen']],
    ['Hoe houden we bij hoeveel tijd het kost?', ['hoe', 'bijhouden', 'we', 'hoeveel', 'tijd', 'het', 'kost']],
  ])('reads "%s" with the joined verb', (text, tokens) => expect(joinSeparableVerbs(text, isWord)).toEqual(tokens));

  it('leaves a particle that is a preposition, and verbs the knowledge does not use', () => {
    expect(joinSeparableVerbs('Ik vraag het aan de coördinator', isWord)).toEqual(['ik', 'vraag', 'het', 'aan', 'de', 'coordinator']);
    expect(joinSeparableVerbs('Wanneer sluit de call af?', isWord)).toEqual(['wanneer', 'sluit', 'de', 'call', 'af']);
    expect(joinSeparableVerbs('Waar vind ik het in?', isWord)).toEqual(['waar', 'vind', 'ik', 'het', 'in']);
  });
});

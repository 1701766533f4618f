import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createMatcher } from '../../src/match/matcher.js';
import { readMessage } from '../../src/match/message.js';

const matcher = createMatcher(loadKnowledge('test/fixtures/knowledge'));
const top = (q: string) => matcher.match(q).candidates[0];

describe('misspelt fillers', () => {
  it('does not hold a misspelt question word against the match', () => {
    const asTyped = top('wanneer moet het eindverslag binnen zijn');
    const misspelt = top('wnneer moet het eindverslag binnen zijn');
    expect(misspelt?.entry.id).toBe('final-report');
    expect(misspelt?.confidence).toBeCloseTo(asTyped?.confidence ?? 0, 5);
  });
});

describe('places the knowledge does not know', () => {
  it('does not hold a list of partner places against the match, "and" in it included', () => {
    const real = createMatcher(loadKnowledge('knowledge'));
    const best = (q: string) => real.match(readMessage(q)).candidates[0];
    const alone = best('For our new KA220 with partners, how does the budget work these days?');
    const withPlaces = best('For our new KA220 with partners in Linz and Bratislava, how does the budget work these days?');
    expect(withPlaces?.entry.id).toBe(alone?.entry.id);
    expect(withPlaces?.confidence).toBeCloseTo(alone?.confidence ?? 0, 5);
  });
});

describe('matching on the fixture knowledge', () => {
  it.each([
    ['what do I need for the interim report?', 'interim-report'],
    ['voortgangsrapportage', 'interim-report'],
    ['intrim raport', 'interim-report'],
    ['eindverslag', 'final-report'],
    ['waar vind ik de afstandscalculator', 'distance-calculator'],
    ['afstandcalculater', 'distance-calculator'],
    ['MT+', 'interim-report'],
    ['partners zoeken in Spanje', 'partner-search'],
    ['afstands calculator', 'distance-calculator'],
    ['eind rapportage', 'final-report'],
    // A word cut off in chat is completed, and chat abbreviations are not words of the question.
    ['voortgangsrapp', 'interim-report'],
    ['eindrapp vh project', 'final-report'],
  ])('%s → %s', (question, id) => {
    expect(top(question)?.entry.id).toBe(id);
    expect(top(question)?.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it.each(['wat voor weer wordt het morgen', 'the printer on floor 2 is broken', 'recept voor pannenkoeken', 'reset my password'])(
    'gives off-topic "%s" a low confidence',
    (question) => expect(top(question)?.confidence ?? 0).toBeLessThan(0.5),
  );

  it('returns nothing for a message without words', () => {
    expect(matcher.match('?!').candidates).toEqual([]);
    expect(matcher.match('').candidates).toEqual([]);
  });

  it.each([
    ['wat heb ik nodig voor de tussenrapportage', 'nl'],
    ['how do I find a partner school', 'en'],
    ['waar vind ik de afstandscalculator', 'nl'],
    ['where is the distance calculator', 'en'],
  ])('detects the language of %s', (question, lang) => expect(matcher.detectLanguage(question)).toBe(lang));

  it('leaves the language open when the words do not tell', () => {
    expect(matcher.detectLanguage('MT+')).toBeUndefined();
  });
});

describe('words that are a glossary phrase and a compound of the knowledge', () => {
  const real = createMatcher(loadKnowledge('knowledge'));
  it('reads "partner zoeken" as the glossary term, not as the compound "partnerzoeken"', () => {
    expect(real.match('partner zoeken').terms).toEqual(real.match('partners zoeken').terms);
  });

  it('reads sectors as the project theme, not as words that count against the match', () => {
    expect(real.match('partners zoeken in de zorg').terms).toEqual(real.match('partners zoeken').terms);
    expect(real.match('hospitality partner search').terms).toEqual(real.match('partner search').terms);
  });

  it('reads a phrase of stop words as its glossary term: "how often" is about the submission rounds', () => {
    for (const text of ['Is there a deadline every few months, or just one?', 'Hoe vaak per jaar kun je een KA2 aanvragen?', 'Kan dat op elk moment van het jaar?']) {
      expect(real.match(text).candidates[0]?.entry.id, text).toBe('deadline');
    }
  });
});

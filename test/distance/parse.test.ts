import { describe, expect, it } from 'vitest';
import { mayBePlace, parseDistanceQuestion } from '../../src/distance/parse.js';

describe('parseDistanceQuestion', () => {
  it.each([
    ['afstand Zwolle Helsinki', 'Zwolle', 'Helsinki'],
    ['Afstand: Zwolle - Helsinki', 'Zwolle', 'Helsinki'],
    ['distance from Ede to Valletta', 'Ede', 'Valletta'],
    ['hoe ver is Den Bosch van Sevilla?', 'Den Bosch', 'Sevilla'],
    ['hoever ligt Zwolle van Helsinki', 'Zwolle', 'Helsinki'],
    ['/erasmus afstand Den Haag - Praag', 'Den Haag', 'Praag'],
    ['erasmus afstand Den Haag → Praag', 'Den Haag', 'Praag'],
    ['wat is de afstand van Amsterdam naar Helsinki in km?', 'Amsterdam', 'Helsinki'],
    ['wat is de afstand tussen Oss en Sevilla', 'Oss', 'Sevilla'],
    ['reisafstand Zwolle Helsinki', 'Zwolle', 'Helsinki'],
    ['afstand berekenen Zwolle Helsinki', 'Zwolle', 'Helsinki'],
    ['hoeveel km is het van Ede naar Valletta', 'Ede', 'Valletta'],
    ['hoeveel kilometer van Ede naar Valletta', 'Ede', 'Valletta'],
    ['hoe ver is het van Zwolle naar Helsinki hemelsbreed', 'Zwolle', 'Helsinki'],
    ['how far is Ede from Valletta?', 'Ede', 'Valletta'],
    ['how far is it from Ede to Valletta', 'Ede', 'Valletta'],
    ['how many km from Ede to Valletta please', 'Ede', 'Valletta'],
    ['what is the distance between Brussels and Prague', 'Brussels', 'Prague'],
    ["what's the travel distance from Zwolle to Helsinki", 'Zwolle', 'Helsinki'],
    ['Zwolle Helsinki afstand', 'Zwolle', 'Helsinki'],
    ['distance Zwolle, Helsinki', 'Zwolle', 'Helsinki'],
    ['afstand tussen Oss, Nederland en Sevilla, Spanje', 'Oss, Nederland', 'Sevilla, Spanje'],
    ['how far is it from Hoek van Holland to Bergen op Zoom', 'Hoek van Holland', 'Bergen op Zoom'],
  ])('%s → %s | %s', (text, from, to) => {
    const question = parseDistanceQuestion(text);
    expect(question?.pairs).toContainEqual(expect.objectContaining({ from, to }));
  });

  it('proposes every word split when no connector separates the places', () => {
    const question = parseDistanceQuestion('afstand Bergen op Zoom Sevilla');
    expect(question?.pairs.map((p) => [p.from, p.to])).toEqual([
      ['Bergen', 'op Zoom Sevilla'],
      ['Bergen op', 'Zoom Sevilla'],
      ['Bergen op Zoom', 'Sevilla'],
    ]);
    expect(question?.pairs.every((p) => !p.explicit)).toBe(true);
  });

  it('keeps a lone place as the rest, with no pair', () => {
    expect(parseDistanceQuestion('afstand Zwolle')).toEqual({ rest: 'Zwolle', pairs: [] });
  });

  it.each([
    'waar vind ik de afstandscalculator',
    'afstandscalculator',
    'afstand',
    'distance?',
    'hoe bereken ik de reisafstand naar Finland voor de begroting',
    'welke afstandsband geldt voor groen reizen',
    'how to calculate the travel distance band',
    'wanneer moet de eindrapportage binnen zijn',
    'Zwolle Helsinki',
  ])('does not take "%s"', (text) => {
    expect(parseDistanceQuestion(text)).toBeUndefined();
  });

  it.each(['distance calculator', 'how far is our project', 'hoe ver is het project'])('finds no places in "%s"', (text) => {
    const question = parseDistanceQuestion(text);
    expect(question?.pairs ?? []).toEqual([]);
    expect(mayBePlace(question?.rest ?? '')).toBe(false);
  });
});

describe('mayBePlace', () => {
  it.each([
    ['Zwolle', true],
    ['Hoek van Holland', true],
    ['Bergen op Zoom', true],
    ['the project', false],
    ['calculator', false],
    ['Ede to', false],
    ['naar Helsinki', false],
    ['a b c d e f g', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(mayBePlace(text)).toBe(expected);
  });
});

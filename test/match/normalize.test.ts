import { describe, expect, it } from 'vitest';
import { createGlossaryRewriter, fold, stem, toTokens } from '../../src/match/normalize.js';

describe('fold', () => {
  it.each([
    ['Oriënterend gesprek!', 'orienterend gesprek'],
    ["Wat is 'n PI-code?", 'wat is n pi code'],
    ['  MT+  handleiding ', 'mt+ handleiding'],
    ['Één keer per jaar', 'een keer per jaar'],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(fold(input)).toBe(expected));
});

describe('toTokens', () => {
  it('keeps a trailing plus out of words but not out of meaning', () => {
    expect(toTokens('Mobility Tool+ / MT+')).toEqual(['mobility', 'tool', 'mt']);
  });

  it('writes out the chat shorthand for the words a question is about', () => {
    expect(toTokens('monitoring mtg')).toEqual(['monitoring', 'meeting']);
    expect(toTokens('interim rprt, strat partnerschap')).toEqual(['interim', 'report', 'strategisch', 'partnerschap']);
    expect(toTokens('prog guide link')).toEqual(['programme', 'guide', 'link']);
  });
});

describe('stem', () => {
  it.each([
    ['reports', 'report'],
    ['report', 'report'],
    ['partners', 'partn'],
    ['projecten', 'project'],
    ['rapportage', 'rapportag'],
    ['pic', 'pic'],
    ['2021', '2021'],
  ])('%s → %s', (word, expected) => expect(stem(word)).toBe(expected));

  it('maps singular and plural forms to the same key', () => {
    for (const [a, b] of [['timesheet', 'timesheets'], ['partner', 'partners'], ['resultaat', 'resultaten'], ['calculator', 'calculators']]) {
      expect(stem(a ?? ''), `${a} / ${b}`).toBe(stem(b ?? ''));
    }
  });
});

describe('glossary rewriting', () => {
  const rewriter = createGlossaryRewriter([
    { id: 'interim-report', canonical: 'interimreport', variants: ['interim report', 'tussenrapportage', 'voortgangsrapportage'] },
    { id: 'mobility-tool', canonical: 'mobilitytool', variants: ['mobility tool+', 'mobility tool', 'mt+'] },
  ]);
  const rewrite = (text: string): string[] => rewriter.rewrite(toTokens(text)).map((t) => t.token);

  it.each([
    ['submit the interim report in mobility tool+', ['submit', 'the', 'interimreport', 'in', 'mobilitytool']],
    ['tussenrapportage via MT+', ['interimreport', 'via', 'mobilitytool']],
    ['interim results', ['interim', 'results']],
  ])('%s', (text, expected) => expect(rewrite(text)).toEqual(expected));

  it('reads a hyphenated variant typed as one word, unless that word is a variant of its own', () => {
    const glossary = createGlossaryRewriter([
      { id: 'publicity', canonical: 'publicity', variants: ['co-funded', 'EU-logo'] },
      { id: 'kick-off', canonical: 'kickoff', variants: ['kick-off'] },
      { id: 'other', canonical: 'other', variants: ['eulogo'] },
    ]);
    const tokens = (text: string): string[] => glossary.rewrite(toTokens(text)).map((t) => t.token);
    expect(tokens('cofunded logo')).toEqual(['publicity', 'logo']);
    expect(tokens('co funded')).toEqual(['publicity']);
    expect(tokens('kickoff')).toEqual(['kickoff']);
    expect(tokens('eulogo')).toEqual(['other']);
  });

  it('tells which input words each canonical token stands for', () => {
    expect(rewriter.rewrite(['the', 'interim', 'report'])).toEqual([
      { token: 'the', from: 0, to: 1 },
      { token: 'interimreport', from: 1, to: 3 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { createGlossaryRewriter } from '../../src/match/normalize.js';
import { resolvePointing } from '../../src/match/pointing.js';

const glossary = createGlossaryRewriter([
  { id: 'partner-search', canonical: 'partnersearch', variants: ['find partners', 'partners vinden'] },
] as never);

describe('resolvePointing', () => {
  it('puts the word pointed to in the pronoun’s place where they make a glossary phrase', () => {
    expect(resolvePointing(['how', 'could', 'we', 'find', 'one'], ['we', 'have', 'partners', 'in'], glossary)).toEqual(['how', 'could', 'we', 'find', 'partners']);
    expect(resolvePointing(['wat', 'doen', 'we', 'om', 'ze', 'te', 'vinden'], ['geen', 'partners'], glossary)).toEqual(['wat', 'doen', 'we', 'om', 'partners', 'vinden']);
  });

  it('leaves a pronoun that makes no phrase with what was said', () => {
    expect(resolvePointing(['where', 'are', 'they', 'kept'], ['documents'], glossary)).toEqual(['where', 'are', 'they', 'kept']);
    expect(resolvePointing(['how', 'could', 'we', 'find', 'one'], ['budget'], glossary)).toEqual(['how', 'could', 'we', 'find', 'one']);
  });
});

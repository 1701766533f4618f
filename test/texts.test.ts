import { describe, expect, it } from 'vitest';
import { createTexts, t } from '../src/texts.js';

describe('createTexts', () => {
  const texts = createTexts({
    greet: { nl: 'Hallo {name}, je hebt {count} berichten', en: 'Hello {name}, you have {count} messages' },
    twice: { nl: '{x} en {x}', en: '{x} and {x}' },
    plain: { nl: 'Geen plaatshouders', en: 'No placeholders' },
  });

  it('fills every placeholder from the values, in the language asked for', () => {
    expect(texts('nl', 'greet', { name: 'Sanne', count: 3 })).toBe('Hallo Sanne, je hebt 3 berichten');
    expect(texts('en', 'greet', { name: 'Sam', count: 0 })).toBe('Hello Sam, you have 0 messages');
  });

  it('fills a placeholder each time it occurs, and keeps one without a value as it is', () => {
    expect(texts('en', 'twice', { x: 'A' })).toBe('A and A');
    expect(texts('nl', 'greet', { name: 'Sanne' })).toBe('Hallo Sanne, je hebt {count} berichten');
  });

  it('gives a sentence without placeholders as it is, the same on every call', () => {
    expect(texts('en', 'plain')).toBe('No placeholders');
    expect(texts('en', 'plain', { unused: 1 })).toBe('No placeholders');
  });

  it("fills the core's own sentences", () => {
    expect(t('en', 'phasePosition', { position: 2, total: 5 })).toBe('Phase 2 of 5');
  });
});

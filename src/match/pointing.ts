// A question that points back to what the message said before it: "We have partners in Belgium, but we
// still need a third. How could we find one?", "We hebben nog geen partners. Hoe zorgen we dat we ze
// vinden?". The word pointed to takes the pronoun's place where the two make a glossary phrase.
import type { GlossaryRewriter } from './normalize.js';

/** Words by which a question points back to what the message said before it. */
const POINTING_WORDS: ReadonlySet<string> = new Set(['one', 'ones', 'them', 'they', 'it', 'ze', 'die', 'deze', 'hem']);

/**
 * A question that points back ("How could we find one?", "om ze te vinden") gets the word it points to
 * where that word and the question's own make a glossary phrase ("find partners", "partners vinden").
 */
export function resolvePointing(tokens: readonly string[], said: readonly string[], glossary: GlossaryRewriter): string[] {
  if (!tokens.some((token) => POINTING_WORDS.has(token)) || said.length === 0) return [...tokens];
  const earlier = [...new Set([...said].reverse())];
  const out = [...tokens];
  for (let i = 0; i < out.length; i++) {
    if (!POINTING_WORDS.has(out[i] ?? '')) continue;
    const before = i > 0 ? glossary.continuations(out[i - 1] ?? '') : [];
    const after = out[i + 1] === 'te' ? out[i + 2] : out[i + 1];
    const word = earlier.find((w) => before.includes(w)) ?? (after === undefined ? undefined : earlier.find((w) => glossary.continuations(w).includes(after)));
    if (word === undefined) continue;
    out[i] = word;
    if (!before.includes(word) && out[i + 1] === 'te') out.splice(i + 1, 1);
  }
  return out;
}

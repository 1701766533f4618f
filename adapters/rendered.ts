// Rendered messages kept for reuse. What a renderer makes of a reply depends on the reply alone, and most
// replies are one of a few hundred answers (entry, language, lead), so a reply rendered before, for
// another question or another user, reuses its message. Messages are shared: nothing changes one after
// rendering (the SDKs send copies of what they are given).
import { LRUCache } from 'lru-cache';
import type { Reply } from '../src/reply.js';

/** How many rendered messages a renderer keeps. */
const KEPT = 500;

/**
 * A lookup for one renderer: the message for `reply` rendered with the options that `variant` names,
 * from `render` the first time. The score is left out of the key: no renderer shows it.
 */
export function createRenderedCache<M extends object>(max = KEPT): (reply: Reply, variant: string, render: () => M) => M {
  const kept = new LRUCache<string, M>({ max });
  return (reply, variant, render) => {
    const key = `${variant}\n${JSON.stringify('score' in reply ? { ...reply, score: 0 } : reply)}`;
    const known = kept.get(key);
    if (known) return known;
    const message = render();
    kept.set(key, message);
    return message;
  };
}

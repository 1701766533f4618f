// The language of each conversation kept in the store instead of in this process, so that every replica
// answers a conversation in the same language (the core's LanguageMemory, src/language.ts).
import type { Clock } from '../clock.js';
import type { LanguageMemory } from '../language.js';
import type { Storage } from './storage.js';

/**
 * A language memory over the store. A failing store only costs the remembered language (the message's own
 * words and the locale still decide), never the answer: failures go to `onError`.
 */
export function createStoredLanguageMemory(
  storage: Pick<Storage, 'getConversationLang' | 'setConversationLang'>,
  clock: Clock,
  onError: (error: unknown) => void = () => undefined,
): LanguageMemory {
  return {
    async get({ platform, channelId, userId }) {
      try {
        return await storage.getConversationLang(platform, channelId, userId);
      } catch (error) {
        onError(error);
        return undefined;
      }
    },
    async set({ platform, channelId, userId }, lang) {
      try {
        await storage.setConversationLang(platform, channelId, userId, lang, clock.now());
      } catch (error) {
        onError(error);
      }
    },
  };
}

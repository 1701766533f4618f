// The conversation language kept in the store: what one replica remembers the other reads, and a failing
// store costs only the memory, not the answer.
import { describe, expect, it } from 'vitest';
import { createStoredLanguageMemory } from '../../src/storage/languages.js';
import type { Storage } from '../../src/storage/storage.js';
import { createFakeClock } from '../notices/helpers.js';
import { BACKENDS, POSTGRES_SKIP } from './open.js';

const conversation = { platform: 'teams' as const, channelId: '19:abc', userId: '29:u1', kind: 'channel' as const };

for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`the stored language memory on ${backend.name}${skip ? ` (skipped: ${POSTGRES_SKIP})` : ''}`, () => {
    it('gives one replica the language another one kept, per user and conversation', async () => {
      const { storage, another } = await backend.open();
      const clock = createFakeClock('2026-12-01T10:00:00Z');
      const [a, b] = [createStoredLanguageMemory(storage, clock), createStoredLanguageMemory(await another(), clock)];
      expect(await b.get(conversation)).toBeUndefined();
      await a.set(conversation, 'en');
      expect(await b.get(conversation)).toBe('en');
      expect(await b.get({ ...conversation, userId: '29:u2' })).toBeUndefined();
      await b.set(conversation, 'nl');
      expect(await a.get(conversation)).toBe('nl');
    });
  });
}

describe('the stored language memory with a failing store', () => {
  it('answers undefined and reports the failure instead of throwing', async () => {
    const errors: unknown[] = [];
    const broken: Pick<Storage, 'getConversationLang' | 'setConversationLang'> = {
      getConversationLang: () => Promise.reject(new Error('connection terminated')),
      setConversationLang: () => Promise.reject(new Error('connection terminated')),
    };
    const memory = createStoredLanguageMemory(broken, createFakeClock('2026-12-01T10:00:00Z'), (error) => errors.push(error));
    await expect(memory.set(conversation, 'en')).resolves.toBeUndefined();
    expect(await memory.get(conversation)).toBeUndefined();
    expect(errors).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { createCore } from '../src/core.js';
import type { Platform } from '../src/input.js';
import type { Lang } from '../src/knowledge/schema.js';
import type { HelpReply } from '../src/reply.js';
import { openTestStorage } from './storage/open.js';

const clock = fixedClock(new Date('2026-12-01T10:00:00Z'));
const core = (feedback: boolean) =>
  createCore({
    knowledgeDir: 'knowledge',
    storage: openTestStorage().storage,
    clock,
    ...(feedback ? { feedback: { admins: ['slack:UADMIN'], retentionDays: 90, salt: 'test' } } : {}),
  });

async function help(platform: Platform, lang: Lang, feedback: boolean): Promise<HelpReply> {
  const reply = await core(feedback).assistant.handle({ text: lang === 'en' ? 'help' : 'hulp', conversation: { platform, channelId: 'C1', userId: 'UADMIN', kind: 'personal' } });
  if (reply.kind !== 'help') throw new Error(`expected help, got ${reply.kind}`);
  return reply;
}

/** The commands help shows in bold, with `…` and `<…>` examples left out. */
const boldCommands = (body: string): string[] =>
  [...body.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1] ?? '').filter((command) => !/[…<]|^@|^\/erasmus$|^npm /.test(command));

describe('help', () => {
  it.each([
    ['nl', ['roadmap', 'stappenplan', 'tools', 'hulpmiddelen', 'afstand', 'deadlines', 'project', 'abonneer', 'opzeggen', 'herinneringen', 'rapport', 'hulp']],
    ['en', ['roadmap', 'tools', 'distance', 'deadlines', 'project', 'subscribe', 'unsubscribe', 'reminders', 'report', 'help']],
  ] as const)('in %s names every command, the distance calculator and, for admins, the report', async (lang, words) => {
    const { body } = await help('slack', lang, true);
    for (const word of words) expect(body).toMatch(new RegExp(`\\*\\*${word}\\b`));
  });

  it('is the same on every surface but for one paragraph on that surface', async () => {
    const slack = await help('slack', 'en', true);
    const teams = await help('teams', 'en', true);
    const terminal = await help('console', 'en', true);
    const withoutLast = (reply: HelpReply) => reply.body.split('\n\n').slice(0, -1).join('\n\n');
    expect(withoutLast(teams)).toBe(withoutLast(slack));
    expect(withoutLast(terminal)).toBe(withoutLast(slack));
    expect(slack.body).toContain('**/erasmus**');
    expect(teams.body).toMatch(/^In Teams: /m);
    expect(terminal.body).toMatch(/^In the terminal: type the number of a choice/m);
  });

  it('leaves out the report and feedback where answers take no feedback', async () => {
    const { body } = await help('console', 'nl', false);
    expect(body).not.toContain('**rapport**');
    expect(body).not.toContain('👍');
  });

  it.each(['nl', 'en'] as const)('shows only commands that work (%s)', async (lang) => {
    const { assistant } = core(true);
    const { body } = await help('slack', lang, true);
    const commands = boldCommands(body).filter((command) => !/^(rapportage|reporting)$/.test(command));
    expect(commands.length).toBeGreaterThan(15);
    for (const text of commands) {
      const reply = await assistant.handle({ text, conversation: { platform: 'slack', channelId: 'D1', userId: 'UADMIN', kind: 'personal' } });
      expect([text, reply.kind]).not.toEqual([text, 'not-found']);
      expect([text, reply.kind]).not.toEqual([text, 'suggestions']);
      if (reply.kind === 'message') expect([text, reply.text]).not.toEqual([text, expect.stringMatching(/kan ik niet lezen|cannot read|werkt niet meer|no longer works/)]);
    }
  });
});

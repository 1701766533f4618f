import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAssistant, type Assistant } from '../../src/assistant.js';
import type { Conversation } from '../../src/input.js';
import { createNoticesSkill } from '../../src/notices/skill.js';
import { toPlainText } from '../../src/plain-text.js';
import type { DeadlinesReply, ProjectReply, Reply } from '../../src/reply.js';
import { openSqliteStorage } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/storage.js';
import { createFakeClock, deadlines, knowledge, tempDataDir, ZONE } from './helpers.js';

const slackChannel: Conversation = { platform: 'slack', channelId: 'C1', userId: 'U1', kind: 'channel' };
const teamsChat: Conversation = { platform: 'teams', channelId: 'a:1personal', userId: '29:x', kind: 'personal' };

let storage: Storage;
let assistant: Assistant;
let cleanup: () => void;
const clock = createFakeClock('2026-11-26T10:00:00Z');

beforeEach(() => {
  const temp = tempDataDir();
  cleanup = temp.cleanup;
  storage = openSqliteStorage(temp.dir);
  clock.set('2026-11-26T10:00:00Z');
  assistant = createAssistant({ knowledge, skills: [createNoticesSkill({ knowledge, deadlines, storage, clock, zone: ZONE })] });
});
afterEach(async () => {
  await storage.close();
  cleanup();
});

const ask = (text: string, conversation = slackChannel, lang?: 'nl' | 'en'): Promise<Reply> => assistant.handle({ text, conversation, ...(lang ? { lang } : {}) });
const as = <K extends Reply['kind']>(reply: Reply, kind: K): Extract<Reply, { kind: K }> => {
  expect(reply.kind, toPlainText(reply)).toBe(kind);
  return reply as Extract<Reply, { kind: K }>;
};

describe('deadlines', () => {
  it('lists the upcoming call deadlines with days left, not the passed ones', async () => {
    const reply = as(await ask('deadlines', slackChannel, 'en'), 'deadlines');
    expect(reply.items.map((item) => [item.id, item.daysLeft, item.left])).toEqual([
      ['ka220-vet-2027', 126, '126 days left'],
      ['ka210-vet-2027-2', 309, '309 days left'],
    ]);
    expect(reply.items[0]?.due).toBe('Thursday 1 April 2027, 12:00 (Brussels time)');
    expect(reply.items[1]?.notes).toEqual(['Follows the pattern of earlier calls.', 'Provisional date: not yet confirmed by a call or the national agency. Check the date on erasmusplus.nl.']);
    expect(reply.items[1]?.due).toMatch(/ \(provisional\)$/);
    expect(reply.subscription).toMatch(/no notices yet.*subscribe/);
    expect(reply.followUps[0]).toEqual({ label: 'What do I need?', action: 'entry:partner-search' });
  });

  it('answers a question about one action and call year with its deadlines, passed ones included', async () => {
    const reply = as(await ask('When is the KA210 deadline in 2027?'), 'deadlines');
    expect([reply.lang, reply.title]).toEqual(['en', 'Deadlines KA210-VET 2027']);
    expect(reply.items.map((item) => item.id)).toEqual(['ka210-vet-2027-2']);
    expect(toPlainText(reply)).toContain('Provisional date');
    const passed = as(await ask('wanneer was de KA220 deadline in 2026?'), 'deadlines');
    expect(passed.items.map((item) => [item.id, item.left])).toEqual([['ka220-vet-2026', 'voorbij']]);
    const none = as(await ask('KA210 deadline 2031'), 'deadlines');
    expect(none.items).toEqual([]);
    expect(none.intro).toContain('KA210-VET 2031');
  });

  it.each([
    ['When is the deadline?', 'en', 'Upcoming deadlines'],
    ['wanneer is de volgende deadline?', 'nl', 'Komende deadlines'],
  ])('answers %j in its language', async (text, lang, title) => {
    const reply = as(await ask(text), 'deadlines');
    expect([reply.lang, reply.title]).toEqual([lang, title]);
  });
});

describe('subscriptions', () => {
  it('subscribes in Dutch and lists what this channel will be told and when', async () => {
    const reply = as(await ask('abonneer'), 'deadlines');
    expect(reply.lang).toBe('nl');
    expect(reply.intro).toMatch(/^Geabonneerd op de deadlines van de call en de mijlpalen van jullie project\. Registreer jullie project/);
    expect(reply.items[0]?.notices).toBe('Berichten: 2 mrt, 25 mrt en 31 mrt om 09:00 uur');
    expect(reply.subscription).toBe('Dit gesprek krijgt berichten over de deadlines van de call en de mijlpalen van jullie project: 30, 7 en 1 dagen vooraf, om 09:00 uur (Europe/Amsterdam).');
    expect((await storage.listSubscriptions({ platform: 'slack', channelId: 'C1' })).map((s) => s.topic)).toEqual(['calls', 'project']);
  });

  it('works per conversation, in a Teams personal chat as in a Slack channel', async () => {
    as(await ask('subscribe to calls', teamsChat), 'deadlines');
    expect((await storage.listSubscriptions({ platform: 'teams', channelId: 'a:1personal' })).map((s) => s.topic)).toEqual(['calls']);
    expect(await storage.listSubscriptions({ platform: 'slack', channelId: 'C1' })).toEqual([]);
    const reply = as(await ask('unsubscribe', teamsChat), 'message');
    expect(reply.text).toBe('Unsubscribed: this conversation is no longer told about the call deadlines and your project\'s milestones.');
    expect(as(await ask('opzeggen', teamsChat), 'message').text).toBe('Dit gesprek had geen abonnement op de deadlines van de call en de mijlpalen van jullie project.');
  });

  it('changes the reminder days and time per channel, and back to the default', async () => {
    await ask('subscribe');
    expect(as(await ask('reminders 14, 3 at 8:30'), 'message').text).toBe('From now on, notices go 14 and 3 days before, at 08:30 (Europe/Amsterdam).');
    const list = as(await ask('deadlines'), 'deadlines');
    expect(list.items[0]?.notices).toBe('Notices: 18 Mar and 29 Mar at 08:30');
    expect(as(await ask('herinneringen standaard'), 'message').text).toBe('Berichten gaan voortaan 30, 7 en 1 dagen vooraf, om 09:00 uur (Europe/Amsterdam).');
  });

  it('subscribes through the button of a deadlines list', async () => {
    const list = as(await ask('deadlines', slackChannel, 'en'), 'deadlines');
    const button = list.followUps.find((f) => f.action === 'cmd:subscribe');
    expect(button).toBeDefined();
    as(await assistant.handle({ action: button?.action, conversation: slackChannel, lang: 'en' }), 'deadlines');
    expect((await storage.listSubscriptions({ platform: 'slack', channelId: 'C1' })).length).toBe(2);
  });
});

describe('project', () => {
  it('registers a project and derives its milestones', async () => {
    const reply: ProjectReply = as(await ask('project 1 september 2025 tot 31 augustus 2027 tussenrapportage 15-3-2027 naam Groene Vaardigheden'), 'project');
    expect(reply.lang).toBe('nl');
    expect(reply.title).toBe('Groene Vaardigheden');
    expect(reply.period).toBe('Looptijd: maandag 1 september 2025 tot en met dinsdag 31 augustus 2027');
    expect(reply.milestones.map((m) => [m.id, m.dueAt.slice(0, 10), m.left])).toEqual([
      ['project-kick-off', '2025-09-01', 'voorbij'],
      ['project-interim-report', '2027-03-15', 'nog 109 dagen'],
      ['project-final-report', '2027-10-30', 'nog 338 dagen'],
      ['project-results-platform', '2027-10-30', 'nog 338 dagen'],
    ]);
    expect(reply.milestones[2]?.notes).toEqual(['60 kalenderdagen na de einddatum, tenzij je subsidieovereenkomst iets anders zegt.']);
    expect(reply.milestones.map((m) => m.action)).toEqual(['cmd:deadlines', 'entry:interim-report', 'entry:final-report', 'cmd:deadlines']);
  });

  it('changes one date, takes the grant agreement’s final report date, shows and removes the project', async () => {
    await ask('project 1-9-2025 31-8-2027', slackChannel, 'en');
    as(await ask('project end 31-12-2027 final 15-1-2028'), 'project');
    const shown = as(await ask('project'), 'project');
    expect(shown.milestones.map((m) => [m.id, m.due])).toEqual([
      ['project-kick-off', 'Monday 1 September 2025'],
      ['project-final-report', 'Saturday 15 January 2028'],
      ['project-results-platform', 'Saturday 15 January 2028'],
    ]);
    expect(shown.intro).toMatch(/interim report/);
    expect(as(await ask('project remove'), 'message').text).toBe('Project removed: no more notices about its milestones.');
    expect(as(await ask('project'), 'message').text).toMatch(/^This conversation has no project yet/);
  });

  it('leaves questions that start with "project" to the roadmap', async () => {
    expect((await ask('project management')).kind).not.toBe('project');
    expect((await ask('project management')).kind).not.toBe('message');
  });
});

describe('bad input gets a clear message in the user’s language', () => {
  it.each([
    ['project 1/9/2025 31-8-2027', 'en', 'I cannot read "1/9/2025" as a date. Write a date as 2025-09-01, 1-9-2025, 1 september 2025 or 1 sep 2025.'],
    ['project begin 1/9/2025 eind 31-8-2027', 'nl', '"1/9/2025" kan ik niet lezen als datum. Schrijf een datum als 2025-09-01, 1-9-2025, 1 september 2025 of 1 sep 2025.'],
    ['project 31-2-2027 1-1-2028', 'en', '31-2-2027 is not a date that exists. Check the day, month and year.'],
    ['project 1 maart 2027 1 januari 2027', 'nl', 'De einddatum (vrijdag 1 januari 2027) ligt vóór de startdatum (maandag 1 maart 2027). Geef eerst de startdatum en dan de einddatum.'],
    ['project start 2024-09-01 end 2026-08-31', 'en', 'The end date (Monday 31 August 2026) is in the past. I send no notices for a finished project; check the year.'],
    ['project 1-9-2025 31-8-2027 interim 1-3-2026', 'en', 'The date for the interim report (Sunday 1 March 2026) is in the past. Check the date in your grant agreement.'],
    ['project 1-9-2025 31-8-2027 tussenrapportage 1-3-2028', 'nl', 'De tussenrapportage (woensdag 1 maart 2028) moet tussen de startdatum (maandag 1 september 2025) en de einddatum (dinsdag 31 augustus 2027) liggen.'],
    ['project eind 31-8-2027', 'nl', 'Geef een startdatum en een einddatum, bijvoorbeeld **project 1-9-2025 31-8-2027**.'],
    ['reminders 30, 7, 500', 'en', 'I cannot read that as reminders.'],
    ['herinneringen 30 morgen', 'nl', 'Dat kan ik niet lezen als herinneringen.'],
  ])('%j', async (text, lang, expected) => {
    const reply = as(await ask(text, slackChannel, lang as 'nl' | 'en'), 'message');
    expect(reply.lang).toBe(lang);
    expect(reply.text.startsWith(expected)).toBe(true);
    expect(await storage.getProject({ platform: 'slack', channelId: 'C1' })).toBeUndefined();
  });
});

describe('without storage', () => {
  it('still lists deadlines, and says it cannot keep subscriptions', async () => {
    const bare = createAssistant({ knowledge, skills: [createNoticesSkill({ knowledge, deadlines, storage: undefined, clock, zone: ZONE })] });
    const list = (await bare.handle({ text: 'deadlines', conversation: slackChannel, lang: 'en' })) as DeadlinesReply;
    expect(list.items.length).toBe(2);
    const reply = await bare.handle({ text: 'subscribe', conversation: slackChannel });
    expect(reply).toMatchObject({ kind: 'message', lang: 'en', text: expect.stringMatching(/^I cannot keep subscriptions/) });
  });
});

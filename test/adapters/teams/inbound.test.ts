// Teams activities classified into core input, installs and searches; mention stripping.
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { parseTeamsActivity, stripBotMention, toLang } from '../../../adapters/teams/inbound.js';
import { BOT, cardClickActivity, installActivity, membersAddedActivity, messageActivity, searchActivity } from './activities.js';

const url = 'http://127.0.0.1:9/';
const asActivity = (value: Record<string, unknown>): Partial<Activity> => value as Partial<Activity>;

describe('stripBotMention', () => {
  const mention = { type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` };
  it.each([
    ['mention first', `<at>${BOT.name}</at> hoe vind ik een partner`, [mention], 'hoe vind ik een partner'],
    ['mention last', `hoe vind ik een partner <at>${BOT.name}</at>`, [mention], 'hoe vind ik een partner'],
    ['twice', `<at>${BOT.name}</at> roadmap <at>${BOT.name}</at>`, [mention], 'roadmap'],
    ['someone else keeps the name', `<at>${BOT.name}</at> vraag <at>Anna</at>`, [mention, { type: 'mention', mentioned: { id: '29:anna' }, text: '<at>Anna</at>' }], 'vraag Anna'],
    ['entities and spaces', `<at>${BOT.name}</at>&nbsp;R&amp;D  budget\n`, [mention], 'R&D budget'],
    ['no mention', 'tools', [], 'tools'],
  ])('%s', (_name, text, entities, expected) => {
    expect(stripBotMention(asActivity({ text, entities, recipient: BOT }))).toBe(expected);
  });
});

describe('toLang', () => {
  it.each([
    ['nl-NL', 'nl'],
    ['nl-BE', 'nl'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['de-DE', undefined],
    [undefined, undefined],
  ])('%s → %s', (locale, lang) => {
    expect(toLang(locale)).toBe(lang);
  });
});

describe('parseTeamsActivity', () => {
  it('reads a personal message as core input with the client locale as the locale', () => {
    expect(parseTeamsActivity(asActivity(messageActivity(url, 'personal', '  tools  ')))).toEqual({
      kind: 'message',
      input: { text: 'tools', locale: 'nl', conversation: { platform: 'teams', channelId: 'a:personal-conversation', userId: 'aad-jan', userAliases: ['29:user-jan'], kind: 'personal' } },
    });
  });

  it('keys a channel thread by its channel, so a channel has one subscription and one project', () => {
    const inThread = messageActivity(url, 'channel', 'deadlines', true) as { conversation: { id: string } };
    const channel = inThread.conversation.id;
    inThread.conversation.id = `${channel};messageid=1712345678901`;
    const parsed = parseTeamsActivity(asActivity(inThread));
    expect(parsed.kind === 'message' && parsed.input.conversation.channelId).toBe(channel);
  });

  it.each([
    ['personal, unmentioned', messageActivity(url, 'personal', 'tools'), 'message'],
    ['group chat, mentioned', messageActivity(url, 'groupChat', 'tools', true), 'message'],
    ['group chat, unmentioned', messageActivity(url, 'groupChat', 'tools'), 'ignore'],
    ['channel, mentioned', messageActivity(url, 'channel', 'tools', true), 'message'],
    ['channel, unmentioned', messageActivity(url, 'channel', 'tools'), 'ignore'],
    ['channel card click', cardClickActivity(url, 'channel', 'phase:reporting'), 'message'],
    ['install in personal chat', installActivity(url, 'personal'), 'install'],
    ['install in a team', installActivity(url, 'channel'), 'install'],
    ['install in a group chat', installActivity(url, 'groupChat'), 'ignore'],
    ['uninstall', installActivity(url, 'personal', 'remove'), 'uninstall'],
    ['upgrade', installActivity(url, 'personal', 'add-upgrade'), 'ignore'],
    ['bot joins a team', membersAddedActivity(url, 'channel', BOT.id), 'ignore'],
    ['bot joins in the Emulator', { ...membersAddedActivity(url, 'personal', BOT.id), channelId: 'emulator' }, 'install'],
    ['someone joins in the Emulator', { ...membersAddedActivity(url, 'personal', 'user'), channelId: 'emulator' }, 'ignore'],
    ['search', searchActivity(url, 'partner'), 'search'],
    ['first open of the search', searchActivity(url, undefined), 'search'],
    ['other invoke', { ...searchActivity(url, 'x'), name: 'composeExtension/onCardButtonClicked' }, 'ignore'],
    ['typing', { ...messageActivity(url, 'personal', ''), type: 'typing' }, 'ignore'],
  ])('%s → %s', (_name, activity, kind) => {
    expect(parseTeamsActivity(asActivity(activity)).kind).toBe(kind);
  });

  it('turns a card click into the action id, without text', () => {
    const parsed = parseTeamsActivity(asActivity(cardClickActivity(url, 'channel', 'entry:final-report')));
    expect(parsed).toMatchObject({ kind: 'message', input: { action: 'entry:final-report', conversation: { kind: 'channel' } } });
    expect(parsed.kind === 'message' ? parsed.input.text : 'not a message').toBeUndefined();
  });

  it('reads the search text, and an empty query on the first open', () => {
    expect(parseTeamsActivity(asActivity(searchActivity(url, ' eindrapport ')))).toMatchObject({ kind: 'search', query: 'eindrapport', lang: 'nl' });
    expect(parseTeamsActivity(asActivity(searchActivity(url, undefined)))).toMatchObject({ kind: 'search', query: '' });
  });
});

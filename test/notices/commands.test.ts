import { describe, expect, it } from 'vitest';
import { parseNoticeCommand } from '../../src/notices/commands.js';

describe('parseNoticeCommand', () => {
  it.each([
    ['deadlines', { type: 'deadlines' }, undefined],
    ['Deadline', { type: 'deadlines' }, undefined],
    ['When is the deadline?', { type: 'deadlines' }, 'en'],
    ['what are the upcoming deadlines', { type: 'deadlines' }, 'en'],
    ['Wanneer is de deadline?', { type: 'deadlines' }, 'nl'],
    ['wanneer is de volgende deadline voor KA220-VET', { type: 'deadlines', filter: { action: 'KA220-VET' } }, 'nl'],
    ['When is the KA210 deadline in 2027?', { type: 'deadlines', filter: { action: 'KA210-VET', year: 2027 } }, 'en'],
    ['KA210 deadline 2027', { type: 'deadlines', filter: { action: 'KA210-VET', year: 2027 } }, undefined],
    ['wanneer is de deadline voor KA220 volgend jaar', { type: 'deadlines', filter: { action: 'KA220-VET', year: 'next' } }, 'nl'],
    ['wat is de sluitingsdatum voor kleinschalige partnerschappen', { type: 'deadlines', filter: { action: 'KA210-VET' } }, 'nl'],
    ['what was the closing date of the 2021 call', { type: 'deadlines', filter: { year: 2021 } }, 'en'],
    ['ka2 deadline', { type: 'deadlines' }, undefined],
    ['subscribe', { type: 'subscribe', topics: ['calls', 'project'] }, 'en'],
    ['abonneer', { type: 'subscribe', topics: ['calls', 'project'] }, 'nl'],
    ['subscribe to calls', { type: 'subscribe', topics: ['calls'] }, 'en'],
    ['abonneer op mijlpalen', { type: 'subscribe', topics: ['project'] }, 'nl'],
    ['abonneer beide', { type: 'subscribe', topics: ['calls', 'project'] }, 'nl'],
    ['subscribe this channel to KA220-VET deadlines', { type: 'subscribe', topics: ['calls'] }, 'en'],
    ['unsubscribe', { type: 'unsubscribe', topics: ['calls', 'project'] }, 'en'],
    ['opzeggen project', { type: 'unsubscribe', topics: ['project'] }, 'nl'],
    ['project', { type: 'project-show' }, undefined],
    ['project verwijderen', { type: 'project-remove' }, 'nl'],
    ['project 1-9-2025 31-8-2027', { type: 'project-set', fields: { start: '2025-09-01', end: '2027-08-31' } }, undefined],
    ['project 1 september 2025 tot 31 augustus 2027', { type: 'project-set', fields: { start: '2025-09-01', end: '2027-08-31' } }, 'nl'],
    ['project start 2025-09-01 end 2027-08-31 interim 2026-09-15', { type: 'project-set', fields: { start: '2025-09-01', end: '2027-08-31', interim: '2026-09-15' } }, 'en'],
    ['project 1-9-2025 31-8-2027 15-9-2026', { type: 'project-set', fields: { start: '2025-09-01', end: '2027-08-31', interim: '2026-09-15' } }, undefined],
    ['project eind 31 aug 2028', { type: 'project-set', fields: { end: '2028-08-31' } }, 'nl'],
    ['project eindrapportage 1-12-2027', { type: 'project-set', fields: { finalReport: '2027-12-01' } }, 'nl'],
    ['project 1-9-2025 31-8-2027 naam Groene Vaardigheden', { type: 'project-set', fields: { start: '2025-09-01', end: '2027-08-31', name: 'Groene Vaardigheden' } }, 'nl'],
    ['project name Green Skills', { type: 'project-set', fields: { name: 'Green Skills' } }, 'en'],
    ['project name <!channel> **Green**  Skills', { type: 'project-set', fields: { name: '!channel Green Skills' } }, 'en'],
    ['reminders', { type: 'reminders-show' }, 'en'],
    ['reminders 30,7,1', { type: 'reminders-set', days: [30, 7, 1], time: undefined }, 'en'],
    ['herinneringen 1 7 14 om 8:30', { type: 'reminders-set', days: [14, 7, 1], time: '08:30' }, 'nl'],
    ['herinneringen standaard', { type: 'reminders-set', days: 'default', time: undefined }, 'nl'],
  ])('reads %j', (text, command, lang) => {
    expect(parseNoticeCommand(text)).toEqual({ command, lang });
  });

  it.each([
    ['project 1/9/2025 31-8-2027', { code: 'BAD_DATE', text: '1/9/2025' }],
    ['project 1-9-2025 next year', { code: 'BAD_DATE', text: 'next' }],
    ['project start 1 septober 2025', { code: 'BAD_DATE', text: '1 septober 2025' }],
    ['project 31-2-2027 1-1-2028', { code: 'NO_SUCH_DAY', text: '31-2-2027' }],
    ['project 1-9-2025 31-8-2027 1-1-2027 1-2-2027', { code: 'BAD_DATE', text: '1-2-2027' }],
    ['reminders 30,7,1,400', { code: 'BAD_REMINDERS' }],
    ['reminders 30 tomorrow', { code: 'BAD_REMINDERS' }],
    ['herinneringen 1 2 3 4 5 6 7', { code: 'BAD_REMINDERS' }],
  ])('turns %j into a problem', (text, problem) => {
    expect(parseNoticeCommand(text)?.command).toEqual({ type: 'invalid', problem });
  });

  it.each([
    'project management',
    'project results platform',
    'project start meeting',
    'subscribe to the newsletter',
    'deadline for the canteen order',
    'wat is de deadline voor de bestelling bij de kantine',
    'wanneer moet de aanvraag binnen zijn',
    'reminders for the meeting',
    'what do I need for the interim report',
    'what happens if we miss the KA220 deadline',
    'wat als we de deadline van ons KA210-project niet halen',
  ])('leaves %j to the roadmap', (text) => {
    expect(parseNoticeCommand(text)).toBeUndefined();
  });
});

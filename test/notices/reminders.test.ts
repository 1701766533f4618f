import { describe, expect, it } from 'vitest';
import { callItem, projectItems } from '../../src/notices/items.js';
import { findDueNotices, planNotices } from '../../src/notices/reminders.js';
import { DEFAULT_CHANNEL_SETTINGS, toNoticeKeyString, type ActiveSubscription, type ProjectRecord, type Topic } from '../../src/storage/storage.js';
import { deadlines, ZONE } from './helpers.js';

const calls = deadlines.map((deadline) => callItem(deadline, ZONE));
const april = calls.find((item) => item.id === 'ka220-vet-2027');
if (!april) throw new Error('fixture deadline ka220-vet-2027 is missing');

function subscription(topic: Topic, options: { since?: string; project?: ProjectRecord; reminderDays?: number[]; reminderTime?: string } = {}): ActiveSubscription {
  const channel = {
    platform: 'slack' as const,
    channelId: 'C1',
    lang: 'nl' as const,
    reminderDays: options.reminderDays ?? [...DEFAULT_CHANNEL_SETTINGS.reminderDays],
    reminderTime: options.reminderTime ?? '09:00',
    status: 'active' as const,
    statusReason: undefined,
  };
  return { id: `slack:C1:${topic}`, platform: 'slack', channelId: 'C1', topic, since: new Date(options.since ?? '2026-01-01T00:00:00Z'), channel, project: options.project };
}

const due = (subs: ActiveSubscription[], now: string, sent: string[] = []) =>
  findDueNotices({ subscriptions: subs, calls, outboxKeys: new Set(sent), zone: ZONE, now: new Date(now) }).map((n) => ({
    id: n.item.id,
    days: n.reminderDays,
    sendAt: n.sendAt.toISOString(),
    daysLeft: n.daysLeft,
    late: n.late,
  }));

const keyOf = (topic: Topic, itemKey: string, days: number) => toNoticeKeyString({ subscriptionId: `slack:C1:${topic}`, deadlineKey: itemKey, reminderDays: days });

describe('planNotices', () => {
  it('plans 09:00 local on the calendar day N days before, not N × 24 hours before the deadline', () => {
    // 1 April 2027 12:00 Brussels is 10:00Z (summer time); the clocks went forward on 28 March.
    expect(april.dueAt.toISOString()).toBe('2027-04-01T10:00:00.000Z');
    expect(planNotices(april, [30, 7, 1], '09:00', ZONE).map((n) => [n.reminderDays, n.sendAt.toISOString()])).toEqual([
      [30, '2027-03-02T08:00:00.000Z'],
      [7, '2027-03-25T08:00:00.000Z'],
      [1, '2027-03-31T07:00:00.000Z'],
    ]);
  });

  it('keeps 09:00 across the autumn change for project milestones', () => {
    // End 27 August 2026: the final report is due 60 days later, on 26 October; clocks went back on 25 October.
    const [, final] = projectItems({ name: undefined, start: '2025-09-01', end: '2026-08-27', interim: undefined, finalReport: undefined }, ZONE);
    expect(final?.day).toBe('2026-10-26');
    expect(planNotices(final!, [7, 1], '09:00', ZONE).map((n) => n.sendAt.toISOString())).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-25T08:00:00.000Z']);
  });
});

describe('findDueNotices', () => {
  const calls30and7 = [keyOf('calls', april.key, 30), keyOf('calls', april.key, 7)];

  it('sends the 1-day notice at 09:00 local in the daylight-saving week, not an hour early or late', () => {
    const subs = [subscription('calls')];
    expect(due(subs, '2027-03-31T06:59:59Z', calls30and7)).toEqual([]);
    expect(due(subs, '2027-03-31T07:00:00Z', calls30and7)).toEqual([{ id: 'ka220-vet-2027', days: 1, sendAt: '2027-03-31T07:00:00.000Z', daysLeft: 1, late: false }]);
  });

  it('sends only the most recent missed reminder, late, after a long outage', () => {
    // Down from 1 March to 26 March: the 30-day and the 7-day notices were both missed.
    expect(due([subscription('calls')], '2027-03-26T10:00:00Z')).toEqual([{ id: 'ka220-vet-2027', days: 7, sendAt: '2027-03-25T08:00:00.000Z', daysLeft: 6, late: true }]);
  });

  it('sends nothing once the deadline has passed, even when a notice was missed', () => {
    expect(due([subscription('calls')], '2027-04-01T10:00:00Z')).toEqual([]);
    expect(due([subscription('calls')], '2027-04-01T09:59:00Z').map((n) => n.days)).toEqual([1]);
  });

  it('does not repeat a notice that is in the outbox', () => {
    expect(due([subscription('calls')], '2027-03-02T08:00:00Z', [keyOf('calls', april.key, 30)])).toEqual([]);
  });

  it('does not send reminders planned before the subscription began', () => {
    const subs = [subscription('calls', { since: '2027-03-10T12:00:00Z' })];
    expect(due(subs, '2027-03-20T10:00:00Z')).toEqual([]);
    expect(due(subs, '2027-03-25T08:00:00Z').map((n) => n.days)).toEqual([7]);
  });

  it('follows the channel’s own reminder days and time', () => {
    const subs = [subscription('calls', { reminderDays: [14, 3], reminderTime: '08:30' })];
    expect(due(subs, '2027-03-18T07:29:00Z')).toEqual([]);
    expect(due(subs, '2027-03-18T07:30:00Z')).toEqual([{ id: 'ka220-vet-2027', days: 14, sendAt: '2027-03-18T07:30:00.000Z', daysLeft: 14, late: false }]);
  });

  it('plans project milestones, and a moved date makes new notices', () => {
    const project: ProjectRecord = { name: 'Groen', start: '2025-09-01', end: '2027-02-28', interim: '2026-12-15', finalReport: undefined };
    const subs = [subscription('project', { project })];
    expect(due(subs, '2026-12-08T08:00:00Z').map((n) => [n.id, n.days])).toEqual([['project-interim-report', 7]]);
    const sent = [keyOf('project', 'project-interim-report@2026-12-15', 7)];
    expect(due(subs, '2026-12-08T08:00:00Z', sent)).toEqual([]);
    const moved = [subscription('project', { project: { ...project, interim: '2026-12-14' } })];
    // Its 7-day notice was planned for 7 December: it goes now, marked late.
    expect(due(moved, '2026-12-08T08:00:00Z', sent).map((n) => [n.id, n.days, n.late])).toEqual([['project-interim-report', 7, true]]);
  });

  it('derives the final report 60 days after the end unless the grant agreement sets it', () => {
    const base: ProjectRecord = { name: undefined, start: '2025-09-01', end: '2027-08-31', interim: undefined, finalReport: undefined };
    expect(projectItems(base, ZONE).map((item) => [item.id, item.day])).toEqual([
      ['project-kick-off', '2025-09-01'],
      ['project-final-report', '2027-10-30'],
      ['project-results-platform', '2027-10-30'],
    ]);
    expect(projectItems({ ...base, finalReport: '2027-11-15' }, ZONE).at(-1)?.day).toBe('2027-11-15');
  });
});

// The inbox of both stores: a notice is kept once per key, per conversation, and shown once.
import { describe, expect, it } from 'vitest';
import type { NoticeReply } from '../../src/reply.js';
import { BACKENDS } from './open.js';

const notice = (title: string): NoticeReply => ({
  kind: 'notice',
  lang: 'nl',
  deadlineId: 'ka220-voc-2027',
  title,
  due: 'Due 5 March 2027',
  dueAt: '2027-03-05T11:00:00.000Z',
  daysLeft: 7,
  body: 'What you need',
  late: undefined,
  notes: [],
  links: [{ label: 'Call', url: 'https://example.org/call', kind: 'website' }],
  followUps: [{ label: 'Deadlines', action: 'cmd:deadlines' }],
});
const key = (reminderDays: number) => ({ subscriptionId: 'web:abc:calls', deadlineKey: 'ka220-voc-2027@2027-03-05', reminderDays });
const web = { platform: 'web', channelId: 'abc' } as const;
const at = (iso: string) => new Date(iso);

describe.each(BACKENDS)('the inbox ($backend.name)', ({ backend, skip }) => {
  it.skipIf(skip)('returns the notices not shown yet, oldest first, and each only once', async () => {
    const { storage } = await backend.open();
    await storage.addToInbox(web, key(30), notice('30 days left'), at('2027-02-03T08:00:00Z'));
    await storage.addToInbox(web, key(7), notice('7 days left'), at('2027-02-26T08:00:00Z'));

    const first = await storage.takeInbox(web, at('2027-02-27T09:00:00Z'));
    expect(first.map((item) => item.notice.title)).toEqual(['30 days left', '7 days left']);
    expect(first[0]?.addedAt).toEqual(at('2027-02-03T08:00:00Z'));
    expect(first[0]?.notice).toEqual(notice('30 days left'));
    expect(await storage.takeInbox(web, at('2027-02-27T09:01:00Z'))).toEqual([]);

    await storage.addToInbox(web, key(1), notice('1 day left'), at('2027-03-04T08:00:00Z'));
    expect((await storage.takeInbox(web, at('2027-03-04T09:00:00Z'))).map((item) => item.notice.title)).toEqual(['1 day left']);
  });

  it.skipIf(skip)('keeps a notice once when it is delivered twice, and keeps conversations apart', async () => {
    const { storage } = await backend.open();
    await storage.addToInbox(web, key(7), notice('first'), at('2027-02-26T08:00:00Z'));
    await storage.addToInbox(web, key(7), notice('again'), at('2027-02-26T08:05:00Z'));
    expect(await storage.takeInbox({ platform: 'web', channelId: 'other' }, at('2027-02-26T09:00:00Z'))).toEqual([]);
    expect((await storage.takeInbox(web, at('2027-02-26T09:00:00Z'))).map((item) => item.notice.title)).toEqual(['first']);
  });

  it.skipIf(skip)('survives closing and reopening the database', async () => {
    const { storage, another } = await backend.open();
    await storage.addToInbox(web, key(30), notice('kept'), at('2027-02-03T08:00:00Z'));
    await storage.close();
    const reopened = await another();
    expect((await reopened.takeInbox(web, at('2027-02-04T08:00:00Z'))).map((item) => item.notice.title)).toEqual(['kept']);
  });
});

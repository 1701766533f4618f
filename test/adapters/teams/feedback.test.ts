// 👍/👎 and the report on Teams: the real botbuilder adapter on the service host (Emulator mode), the real
// assistant with feedback over the fixture knowledge and a SQLite file, Action.Submit clicks as Teams
// sends them, and the fake Bot Connector catching the card update (PUT) and the replies.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TeamsConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { createServiceHost, type ServiceHost } from '../../../adapters/server.js';
import type { TeamsAdaptiveCard, TeamsCardAction, TeamsCardElement } from '../../../adapters/teams/card.js';
import { createTeamsAdapter } from '../../../adapters/teams/app.js';
import { renderTeamsMessage, teamsPayloadBytes, TEAMS_MAX_PAYLOAD_BYTES, type TeamsMessage } from '../../../adapters/teams/render.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../fakes/bot-connector.js';
import { createFeedbackSetup, type FeedbackSetup } from '../../feedback/helpers.js';
import { cardClickActivity, FixedTokenCredentials, messageActivity, signToken, USER } from './activities.js';

const NO_AUTH: TeamsConfig = { appId: undefined, appPassword: undefined, appType: 'MultiTenant', tenantId: undefined, domain: undefined };

let fake: FakeBotConnector;
let s: FeedbackSetup;
let host: ServiceHost;
let url: string;

beforeAll(async () => {
  fake = await startFakeBotConnector();
  s = createFeedbackSetup({ admins: [`teams:${USER.aadObjectId}`] });
  const adapter = createTeamsAdapter({ config: NO_AUTH, assistant: s.assistant, logger: createLogger('silent'), openIdMetadataUrl: fake.openIdMetadataUrl });
  host = createServiceHost({ adapters: [adapter], logger: createLogger('silent') });
  url = `http://127.0.0.1:${await host.listen(0, '127.0.0.1')}/api/messages`;
});
afterEach(() => fake.reset());
afterAll(async () => {
  await host.close();
  await fake.close();
  await s.cleanup();
});

async function post(activity: unknown): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  await response.text();
  return response.status;
}

function cardOf(activity: Record<string, unknown> | undefined): TeamsAdaptiveCard {
  return (activity?.attachments as Array<{ content: TeamsAdaptiveCard }>)[0]?.content as TeamsAdaptiveCard;
}

/** Every Action.Submit in the card, body and action bar. */
function submits(card: TeamsAdaptiveCard): string[] {
  const found: TeamsCardAction[] = [...(card.actions ?? [])];
  const walk = (elements: readonly TeamsCardElement[]): void => {
    for (const element of elements) {
      if (element.type === 'ActionSet') found.push(...element.actions);
      if (element.type === 'Container') walk(element.items);
    }
  };
  walk(card.body);
  return found.flatMap((action) => (action.type === 'Action.Submit' ? [action.data.action] : []));
}

const texts = (card: TeamsAdaptiveCard): string => JSON.stringify(card.body);

describe('👍/👎 on Teams', () => {
  it('puts the buttons on an answer card and, on a click, stores the vote and updates that card', async () => {
    expect(await post(messageActivity(fake.url, 'personal', 'how do I submit the final report'))).toBe(200);
    const card = cardOf(fake.activities[0]?.activity);
    expect(submits(card)).toEqual(expect.arrayContaining(['feedback:up:en:final-report', 'feedback:down:en:final-report']));
    expect(texts(card)).toContain('Was this helpful?');

    const before = s.rows('answer_votes').length;
    expect(await post(cardClickActivity(fake.url, 'personal', 'feedback:up:en:final-report', 'activity-1'))).toBe(200);
    expect(fake.activities).toHaveLength(1);
    expect(fake.updates).toHaveLength(1);
    const [update] = fake.updates;
    expect(update?.conversationId).toBe('a:personal-conversation');
    expect(update?.replyToId).toBe('activity-1');
    expect(update?.activity.id).toBe('activity-1');
    const updated = cardOf(update?.activity);
    expect(texts(updated)).toContain('Thank you, your feedback was saved.');
    expect(texts(updated)).not.toContain('Was this helpful?');
    expect(submits(updated)).toContain('feedback:down:en:final-report');
    expect(submits(updated)).not.toContain('feedback:up:en:final-report');
    expect(texts(updated)).toContain('Final report');
    expect(s.rows('answer_votes').slice(before)).toMatchObject([{ entry_id: 'final-report', vote: 'up', platform: 'teams', lang: 'en' }]);

    // The card now offers 👎: clicking it changes the stored vote.
    expect(await post(cardClickActivity(fake.url, 'personal', 'feedback:down:en:final-report', 'activity-1'))).toBe(200);
    expect(texts(cardOf(fake.updates[1]?.activity))).toContain('Your vote is now 👎. Thank you!');
    const votes = s.rows('answer_votes').slice(before);
    expect(votes).toHaveLength(1);
    expect(votes[0]?.vote).toBe('down');
  });

  it('in a channel keeps both buttons on the updated card, so everyone can vote', async () => {
    expect(await post(cardClickActivity(fake.url, 'channel', 'feedback:down:nl:partner-search', 'activity-9'))).toBe(200);
    const updated = cardOf(fake.updates[0]?.activity);
    expect(submits(updated)).toEqual(expect.arrayContaining(['feedback:up:nl:partner-search', 'feedback:down:nl:partner-search']));
    expect(texts(updated)).toContain('Bedankt voor de feedback.');
    expect(fake.activities).toEqual([]);
  });
});

describe('the report on Teams', () => {
  // Admin rights need an identity the platform vouched for: these run with an app id and signed requests.
  const APP_ID = '11111111-2222-3333-4444-555555555555';
  const signed = async (setup: FeedbackSetup): Promise<{ post(activity: unknown): Promise<number>; close(): Promise<void> }> => {
    const config: TeamsConfig = { ...NO_AUTH, appId: APP_ID, appPassword: 'not-a-real-secret' };
    const credentialsFactory = new FixedTokenCredentials({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' });
    const adapter = createTeamsAdapter({ config, assistant: setup.assistant, logger: createLogger('silent'), openIdMetadataUrl: fake.openIdMetadataUrl, credentialsFactory });
    const signedHost = createServiceHost({ adapters: [adapter], logger: createLogger('silent') });
    const signedUrl = `http://127.0.0.1:${await signedHost.listen(0, '127.0.0.1')}/api/messages`;
    return {
      async post(activity) {
        const token = signToken({ aud: APP_ID, serviceurl: fake.url }, fake.signingKey.kid, fake.signingKey.privateKey);
        const response = await fetch(signedUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(activity) });
        await response.text();
        return response.status;
      },
      close: () => signedHost.close(),
    };
  };

  it('an admin gets the report card in the personal chat', async () => {
    const bot = await signed(s);
    try {
      await bot.post(messageActivity(fake.url, 'personal', 'what is the capital of Peru'));
      fake.reset();
      expect(await bot.post(messageActivity(fake.url, 'personal', 'rapport'))).toBe(200);
      const sent = fake.activities[0]?.activity as unknown as TeamsMessage;
      expect(sent.summary).toBe('Feedbackrapport');
      expect(texts(cardOf(fake.activities[0]?.activity))).toContain('what is the capital of Peru');
    } finally {
      await bot.close();
    }
  });

  it('an admin listed by the Teams account id (teams:29:…) also gets the report', async () => {
    const other = createFeedbackSetup({ admins: ['teams:29:keeper'] });
    const bot = await signed(other);
    try {
      const activity = { ...messageActivity(fake.url, 'personal', 'report'), from: { id: '29:keeper', aadObjectId: 'aad-keeper', name: 'Keeper' } };
      expect(await bot.post(activity)).toBe(200);
      expect((fake.activities[0]?.activity as unknown as TeamsMessage).summary).toBe('Feedback report');
    } finally {
      await bot.close();
      await other.cleanup();
    }
  });

  it('someone else gets a polite refusal', async () => {
    const bot = await signed(s);
    try {
      const activity = { ...messageActivity(fake.url, 'personal', 'rapport'), from: { id: '29:someone', aadObjectId: 'aad-someone', name: 'Someone' } };
      expect(await bot.post(activity)).toBe(200);
      expect(texts(cardOf(fake.activities[0]?.activity))).toContain('alleen voor de beheerders');
      expect(texts(cardOf(fake.activities[0]?.activity))).toContain('teams:aad-someone');
    } finally {
      await bot.close();
    }
  });

  it('without an app id nobody is an admin: the listed admin gets no report, not even in the HTTP body (expectReplies)', async () => {
    await post(messageActivity(fake.url, 'personal', 'what is the capital of Peru'));
    fake.reset();
    expect(await post(messageActivity(fake.url, 'personal', 'rapport'))).toBe(200);
    expect(texts(cardOf(fake.activities[0]?.activity))).toContain('identiteit die het platform heeft bevestigd');
    expect(JSON.stringify(fake.activities)).not.toContain('capital of Peru');

    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...messageActivity(fake.url, 'personal', 'report'), deliveryMode: 'expectReplies' }) });
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(body).toContain('needs an identity the platform vouched for');
    expect(body).not.toContain('Feedback report');
    expect(body).not.toContain('capital of Peru');
  });

  it('a report of many groups and long questions still fits in one Teams message', () => {
    const body = Array.from({ length: 10 }, (_, i) => `**${i + 1}. Nearest: Entry ${i}**: 50 questions\n${Array.from({ length: 3 }, () => `- "${'a long question '.repeat(9)}"`).join('\n')}`).join('\n\n');
    const reply = {
      kind: 'report' as const,
      lang: 'en' as const,
      title: 'Feedback report',
      intro: 'Last 90 days.',
      sections: [...Array.from({ length: 12 }, (_, i) => ({ title: `Phase ${i}`, body: Array.from({ length: 30 }, (_, j) => `- Entry ${j}: 3 questions · 👍 1 · 👎 0`).join('\n') })), { title: 'To add', body }],
    };
    expect(teamsPayloadBytes(renderTeamsMessage(reply))).toBeLessThanOrEqual(TEAMS_MAX_PAYLOAD_BYTES);
  });
});

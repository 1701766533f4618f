// The real botbuilder adapter on the real service host (port 0), driven over HTTP with Teams activities.
// Replies go to a local fake Bot Connector (the activities' serviceUrl) and are compared with what the
// fixture assistant answers, rendered by the Teams renderer.
import { generateKeyPairSync } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/assistant.js';
import { createDistanceSkill } from '../../../src/distance/skill.js';
import type { TeamsConfig } from '../../../src/config.js';
import type { Conversation, Input } from '../../../src/input.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import type { Lang } from '../../../src/knowledge/schema.js';
import type { LanguageMemory } from '../../../src/language.js';
import { createLogger } from '../../../src/logger.js';
import { createServiceHost, type ServiceHost } from '../../../adapters/server.js';
import { createTeamsAdapter, type TeamsAdapter, type TeamsAdapterOptions, type TeamsConversationReference } from '../../../adapters/teams/app.js';
import type { TeamsSearchResponse } from '../../../adapters/teams/extension.js';
import { renderTeamsMessage } from '../../../adapters/teams/render.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../fakes/bot-connector.js';
import {
  BOT,
  cardClickActivity,
  FixedTokenCredentials,
  installActivity,
  membersAddedActivity,
  messageActivity,
  searchActivity,
  signToken,
  USER,
} from './activities.js';

const NO_AUTH: TeamsConfig = { appId: undefined, appPassword: undefined, appType: 'MultiTenant', tenantId: undefined, domain: undefined };
const APP_ID = '11111111-2222-3333-4444-555555555555';
const logger = createLogger('silent');
// Each test starts from conversations without a language so far: the client's locale (nl-NL) then tells.
const conversationLanguages = new Map<string, Lang>();
const languages: LanguageMemory = {
  get: async (c) => conversationLanguages.get(`${c.channelId} ${c.userId}`),
  set: async (c, lang) => void conversationLanguages.set(`${c.channelId} ${c.userId}`, lang),
};
const assistant = createAssistant({ knowledge: loadKnowledge('test/fixtures/knowledge'), languages });

interface Started {
  host: ServiceHost;
  adapter: TeamsAdapter;
  url: string;
  conversations: Array<{ reference: TeamsConversationReference; conversation: Conversation }>;
  removed: Array<{ reference: TeamsConversationReference; conversation: Conversation }>;
}

async function start(config: TeamsConfig, fake: FakeBotConnector, extra: Partial<TeamsAdapterOptions> = {}): Promise<Started> {
  const conversations: Started['conversations'] = [];
  const removed: Started['removed'] = [];
  const adapter = createTeamsAdapter({
    config,
    assistant,
    logger,
    ...extra,
    onConversation: (reference, conversation) => void conversations.push({ reference, conversation }),
    onUninstall: (reference, conversation) => void removed.push({ reference, conversation }),
    ...(extra.timeouts ? {} : { timeouts: { attemptMs: 1_000, callMs: 2_000 } }),
    openIdMetadataUrl: fake.openIdMetadataUrl,
  });
  const host = createServiceHost({ adapters: [adapter], logger });
  const port = await host.listen(0, '127.0.0.1');
  return { host, adapter, url: `http://127.0.0.1:${port}/api/messages`, conversations, removed };
}

async function post(url: string, activity: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** What the Teams adapter should send for `input`: the fixture assistant's reply, rendered. */
async function expected(input: Omit<Input, 'conversation'>, kind: Conversation['kind'], channelId: string): Promise<unknown> {
  const reply = await assistant.handle({ ...input, conversation: { platform: 'teams', channelId, userId: USER.aadObjectId, kind } });
  return renderTeamsMessage(reply).attachments[0].content;
}

describe('Teams adapter without auth (Emulator mode)', () => {
  let fake: FakeBotConnector;
  let bot: Started;

  beforeAll(async () => {
    fake = await startFakeBotConnector();
    bot = await start(NO_AUTH, fake);
  });
  afterEach(() => {
    fake.reset();
    conversationLanguages.clear();
    bot.conversations.length = 0;
    bot.removed.length = 0;
  });
  afterAll(async () => {
    await bot.host.close();
    await fake.close();
  });

  it('answers a personal message with the answer card, in reply to the message', async () => {
    const activity = messageActivity(fake.url, 'personal', 'hoe vind ik een partner');
    const { status } = await post(bot.url, activity);
    expect(status).toBe(200);
    expect(fake.activities).toHaveLength(1);
    const [sent] = fake.activities;
    expect(sent?.conversationId).toBe('a:personal-conversation');
    expect(sent?.replyToId).toBe(activity.id);
    expect(sent?.activity).toMatchObject({ type: 'message', summary: 'Projectpartners zoeken', from: { id: BOT.id } });
    const attachments = sent?.activity.attachments as Array<{ contentType: string; content: unknown }>;
    expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachments[0]?.content).toEqual(await expected({ text: 'hoe vind ik een partner', lang: 'nl' }, 'personal', 'a:personal-conversation'));
  });

  it('sends the same answer to two conversations, each in reply to its own message', async () => {
    const first = messageActivity(fake.url, 'personal', 'hoe vind ik een partner');
    const second: Record<string, unknown> = { ...messageActivity(fake.url, 'personal', 'hoe vind ik een partner'), conversation: { id: 'a:other-conversation', conversationType: 'personal' } };
    expect((await post(bot.url, first)).status).toBe(200);
    expect((await post(bot.url, second)).status).toBe(200);
    expect(fake.activities.map((sent) => [sent.conversationId, sent.replyToId])).toEqual([
      ['a:personal-conversation', first.id],
      ['a:other-conversation', second.id],
    ]);
    expect(fake.activities[1]?.activity.attachments).toEqual(fake.activities[0]?.activity.attachments);
  });

  it('answers a group chat message that @mentions the bot, without the mention text', async () => {
    const { status } = await post(bot.url, messageActivity(fake.url, 'groupChat', 'how do I submit the final report', true));
    expect(status).toBe(200);
    expect(fake.activities).toHaveLength(1);
    expect(fake.activities[0]?.conversationId).toBe('19:group-chat@thread.v2');
    expect(fake.activities[0]?.activity.summary).toBe('Final report');
    expect(bot.conversations[0]?.conversation).toEqual({ platform: 'teams', channelId: '19:group-chat@thread.v2', userId: USER.aadObjectId, userAliases: [USER.id], kind: 'group', unverified: true });
  });

  it('answers a button click in the language of the conversation so far, before the client locale', async () => {
    await post(bot.url, messageActivity(fake.url, 'personal', 'how do I submit the final report'));
    fake.reset();
    expect((await post(bot.url, cardClickActivity(fake.url, 'personal', 'entry:final-report'))).status).toBe(200);
    expect(fake.activities[0]?.activity.summary).toBe('Final report');
  });

  it('sends replies to the Bot Connector over one kept-alive connection', async () => {
    for (const question of ['hoe vind ik een partner', 'final report', 'hoe vind ik een partner', 'final report', 'help']) {
      expect((await post(bot.url, messageActivity(fake.url, 'personal', question))).status).toBe(200);
    }
    expect(fake.activities).toHaveLength(5);
    // At most one: the connection of an earlier test may have timed out in between.
    expect(fake.connections).toBeLessThanOrEqual(1);
  });

  it('stays silent in a group chat or channel when it is not mentioned', async () => {
    for (const scope of ['groupChat', 'channel'] as const) {
      expect((await post(bot.url, messageActivity(fake.url, scope, 'hoe vind ik een partner'))).status).toBe(200);
    }
    expect(fake.attempts).toEqual([]);
    expect(bot.conversations).toEqual([]);
  });

  it('answers a channel message that @mentions the bot in the thread it was posted in', async () => {
    const activity = messageActivity(fake.url, 'channel', 'wat heb ik nodig voor de tussenrapportage', true);
    expect((await post(bot.url, activity)).status).toBe(200);
    expect(fake.activities).toHaveLength(1);
    const [sent] = fake.activities;
    expect(sent?.conversationId).toBe('19:general@thread.tacv2;messageid=1700000000000');
    expect(sent?.replyToId).toBe(activity.id);
    const channelId = '19:general@thread.tacv2;messageid=1700000000000';
    const card = (sent?.activity.attachments as Array<{ content: unknown }>)[0]?.content;
    expect(card).toEqual(await expected({ text: 'wat heb ik nodig voor de tussenrapportage', lang: 'nl' }, 'channel', channelId));
  });

  it('answers an Adaptive Card button click with the card for its action, also unmentioned in a channel', async () => {
    for (const scope of ['personal', 'channel'] as const) {
      fake.reset();
      expect((await post(bot.url, cardClickActivity(fake.url, scope, 'entry:final-report'))).status).toBe(200);
      expect(fake.activities).toHaveLength(1);
      expect(fake.activities[0]?.activity.summary).toBe('Eindrapportage');
      const card = (fake.activities[0]?.activity.attachments as Array<{ content: { actions?: Array<{ data?: unknown }> } }>)[0]?.content;
      expect(card?.actions?.map((action) => action.data)).toEqual([{ action: 'entry:interim-report' }]);
    }
  });

  it('sends the welcome card once on installation in a personal chat or a team, and not on other updates', async () => {
    for (const scope of ['personal', 'channel'] as const) {
      fake.reset();
      expect((await post(bot.url, installActivity(fake.url, scope))).status).toBe(200);
      expect(fake.activities).toHaveLength(1);
      expect(fake.activities[0]?.activity.summary).toBe('Welkom! Ik ben de Erasmus+ mbo-assistent.');
    }
    fake.reset();
    await post(bot.url, installActivity(fake.url, 'groupChat'));
    await post(bot.url, installActivity(fake.url, 'personal', 'remove'));
    await post(bot.url, installActivity(fake.url, 'personal', 'add-upgrade'));
    await post(bot.url, membersAddedActivity(fake.url, 'channel', BOT.id));
    await post(bot.url, membersAddedActivity(fake.url, 'channel', '29:new-colleague'));
    expect(fake.attempts).toEqual([]);
    expect(bot.removed.map((r) => r.reference.conversation?.id)).toEqual(['a:personal-conversation']);
  });

  it('answers a message-extension search in the invoke response, with answer cards and no connector call', async () => {
    const { status, body } = await post(bot.url, searchActivity(fake.url, 'rapportage'));
    expect(status).toBe(200);
    const results = (body as TeamsSearchResponse).composeExtension;
    expect(results).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const titles = results.attachments.map((a) => a.preview.content.title);
    expect(titles[0]).toBe('2. Rapportage');
    expect(titles).toEqual(expect.arrayContaining(['Voortgangsrapportage', 'Eindrapportage']));
    for (const result of results.attachments) {
      expect(result.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(result.content)).not.toContain('Action.Submit');
    }
    expect(fake.attempts).toEqual([]);
  });

  it('answers a distance typed in the compose box with the distance card first', async () => {
    const withDistance = await start(NO_AUTH, fake, { assistant: createAssistant({ knowledge: loadKnowledge('test/fixtures/knowledge'), skills: [createDistanceSkill({ knowledgeDir: 'knowledge' })] }) });
    try {
      const { body } = await post(withDistance.url, searchActivity(fake.url, 'afstand Zwolle Helsinki'));
      const [first] = (body as TeamsSearchResponse).composeExtension.attachments;
      expect(first?.preview.content.title).toBe('Zwolle – Helsinki');
      expect(JSON.stringify(first?.content)).toMatch(/GeoNames/);
      expect(fake.attempts).toEqual([]);
    } finally {
      await withDistance.host.close();
    }
  });

  it('does not search a huge compose-box query: one line in the pop-up, answered at once', async () => {
    const started = Date.now();
    const { status, body } = await post(bot.url, searchActivity(fake.url, 'rapportage '.repeat(50_000)));
    expect(status).toBe(200);
    expect(Date.now() - started).toBeLessThan(500);
    expect(body).toEqual({ composeExtension: { type: 'message', text: expect.stringContaining('te lang') } });
  });

  it('shows a link typed in a question as text, not as a live link in the reply', async () => {
    const withDistance = await start(NO_AUTH, fake, { assistant: createAssistant({ knowledge: loadKnowledge('test/fixtures/knowledge'), skills: [createDistanceSkill({ knowledgeDir: 'knowledge' })] }) });
    try {
      expect((await post(withDistance.url, messageActivity(fake.url, 'personal', 'afstand [klik hier](https://evil.example/login) naar Helsinki'))).status).toBe(200);
      const sent = JSON.stringify(fake.activities[0]?.activity.attachments);
      expect(sent).toContain('klik hier');
      expect(sent).not.toMatch(/(?<!\\\\)\[klik hier(?<!\\\\)\]\(/);
    } finally {
      await withDistance.host.close();
    }
  });

  it('finds entries from a half-typed word and lists the phases for an empty search', async () => {
    const partial = (await post(bot.url, searchActivity(fake.url, 'partn'))).body as TeamsSearchResponse;
    expect(partial.composeExtension.attachments.map((a) => a.preview.content.title)).toContain('Projectpartners zoeken');
    for (const query of [undefined, '']) {
      const empty = (await post(bot.url, searchActivity(fake.url, query))).body as TeamsSearchResponse;
      expect(empty.composeExtension.attachments.map((a) => a.preview.content.title)).toEqual(['1. Voorbereiding', '2. Rapportage']);
    }
  });

  it('retries 5xx and a 429 with Retry-After through the SDK, then delivers once', async () => {
    // The first retry waits the SDK's backoff (0.5–1 s); Retry-After 0 asks for no wait.
    fake.failNext({ status: 502 }, { status: 429, headers: { 'retry-after': '0' } }, { status: 503, headers: { 'retry-after': '0' } });
    expect((await post(bot.url, messageActivity(fake.url, 'personal', 'tools'))).status).toBe(200);
    expect(fake.attempts.map((a) => a.status)).toEqual([502, 429, 503, 201]);
    expect(fake.activities).toHaveLength(1);
  });

  it('gives up when the connector keeps failing, and says nothing more', async () => {
    const failing = { status: 503, headers: { 'retry-after': '0' } };
    fake.failNext(failing, failing, failing, failing);
    expect((await post(bot.url, messageActivity(fake.url, 'personal', 'tools'))).status).toBe(200);
    expect(fake.attempts.map((a) => a.status)).toEqual([503, 503, 503, 503]);
    expect(fake.activities).toEqual([]);
  });

  it('does not wait out a long Retry-After: the call gives up at its time limit and the request is answered', async () => {
    fake.failNext({ status: 429, headers: { 'retry-after': '120' } });
    const started = Date.now();
    expect((await post(bot.url, messageActivity(fake.url, 'personal', 'tools'))).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fake.attempts.map((a) => a.status)).toEqual([429]);
    expect(fake.activities).toEqual([]);
  });

  it('does not let a hanging connector hold the request: each attempt has a timeout', async () => {
    fake.failNext({ status: 0, hang: true });
    const started = Date.now();
    expect((await post(bot.url, messageActivity(fake.url, 'personal', 'tools'))).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fake.attempts.map((a) => a.status)).toEqual([0]);
  });

  it('does not retry other client errors', async () => {
    fake.failNext({ status: 400 });
    await post(bot.url, messageActivity(fake.url, 'personal', 'tools'));
    expect(fake.attempts.map((a) => a.status)).toEqual([400]);
  });

  it('reports each conversation and sends a reply proactively to a stored reference', async () => {
    await post(bot.url, messageActivity(fake.url, 'channel', 'roadmap', true));
    const stored = JSON.parse(JSON.stringify(bot.conversations[0]?.reference)) as TeamsConversationReference;
    expect(stored).toMatchObject({ serviceUrl: fake.url, channelId: 'msteams', conversation: { id: '19:general@thread.tacv2;messageid=1700000000000' } });
    fake.reset();
    const reply = await assistant.handle({ action: 'phase:reporting', conversation: { platform: 'teams', channelId: 'x', userId: 'y', kind: 'channel' } });
    await bot.adapter.sendReply(stored, reply);
    expect(fake.activities).toHaveLength(1);
    expect(fake.activities[0]?.conversationId).toBe('19:general@thread.tacv2;messageid=1700000000000');
    expect((fake.activities[0]?.activity.attachments as Array<{ content: unknown }>)[0]?.content).toEqual(renderTeamsMessage(reply).attachments[0].content);

    fake.failNext({ status: 404 });
    await expect(bot.adapter.sendReply(stored, reply)).rejects.toMatchObject({ code: 'TEAMS_CONVERSATION_NOT_FOUND', details: { status: 404 } });
  });

  it('refuses bad requests before any processing', async () => {
    const notJson = await fetch(bot.url, { method: 'POST', body: '{nope' });
    expect(notJson.status).toBe(400);
    expect((await post(bot.url, { text: 'no type' })).status).toBe(400);
    const elsewhere = messageActivity('https://attacker.example/', 'personal', 'hoe vind ik een partner');
    expect((await post(bot.url, elsewhere)).status).toBe(403);
    expect((await fetch(bot.url, { method: 'GET' })).status).toBe(405);
    expect(fake.attempts).toEqual([]);
    expect(bot.conversations).toEqual([]);
  });
});

describe('Teams adapter when a turn fails', () => {
  it('logs the error once and tells the user one friendly line, without the details', async () => {
    const fake = await startFakeBotConnector();
    const lines: Array<{ code?: string; msg?: string }> = [];
    const logs = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as { code?: string; msg?: string });
        done();
      },
    });
    // A real assistant whose one skill breaks, as a bug in a skill would.
    const broken = createAssistant({
      knowledge: loadKnowledge('test/fixtures/knowledge'),
      skills: [{ name: 'broken', handle: () => { throw new Error('secret internal detail'); } }],
    });
    const adapter = createTeamsAdapter({ config: NO_AUTH, assistant: broken, logger: createLogger('error', logs) });
    const host = createServiceHost({ adapters: [adapter], logger });
    const port = await host.listen(0, '127.0.0.1');
    try {
      const { status } = await post(`http://127.0.0.1:${port}/api/messages`, { ...messageActivity(fake.url, 'personal', 'hoe vind ik een partner'), locale: 'en-GB' });
      expect(status).toBe(200);
      expect(fake.activities.map((a) => a.activity.text)).toEqual(['Sorry, something went wrong on my side. Please try again in a moment.']);
      expect(JSON.stringify(fake.activities)).not.toContain('secret internal detail');
      expect(lines.map((line) => line.code)).toEqual(['TEAMS_TURN_FAILED']);
    } finally {
      await host.close();
      await fake.close();
    }
  });
});

describe('Teams adapter with an app id (auth on)', () => {
  const config: TeamsConfig = { ...NO_AUTH, appId: APP_ID, appPassword: 'not-a-real-secret' };
  let fake: FakeBotConnector;
  let bot: Started;
  const logLines: Array<{ code?: string; reason?: string }> = [];

  beforeAll(async () => {
    fake = await startFakeBotConnector();
    const logs = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(JSON.parse(chunk.toString()) as { code?: string; reason?: string });
        done();
      },
    });
    bot = await start(config, fake, {
      logger: createLogger('warn', logs),
      credentialsFactory: new FixedTokenCredentials({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' }),
    });
  });
  afterEach(() => {
    fake.reset();
    bot.conversations.length = 0;
    logLines.length = 0;
  });
  afterAll(async () => {
    await bot.host.close();
    await fake.close();
  });

  const claims = () => ({ aud: APP_ID, serviceurl: fake.url });

  it('processes a request signed by the Bot Framework key and replies with its own token', async () => {
    const token = signToken(claims(), fake.signingKey.kid, fake.signingKey.privateKey);
    const { status } = await post(bot.url, messageActivity(fake.url, 'personal', 'tools'), { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(bot.conversations).toHaveLength(1);
    expect(fake.activities).toHaveLength(1);
    expect(fake.activities[0]?.authorization).toBe('Bearer outbound-test-token');
  });

  it('answers 401 without processing to a missing, malformed or forged token', async () => {
    const { privateKey: otherKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = fake.signingKey;
    const cases: Array<[string, Record<string, string>, string | undefined]> = [
      ['no header', {}, undefined],
      ['not a JWT', { authorization: 'Bearer not-a-token' }, 'No valid identity'],
      ['basic auth', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, undefined],
      ['signed by another key', { authorization: `Bearer ${signToken(claims(), key.kid, otherKey)}` }, 'invalid signature'],
      ['for another bot', { authorization: `Bearer ${signToken({ ...claims(), aud: 'another-bot' }, key.kid, key.privateKey)}` }, 'Invalid AppId'],
      ['for another service URL', { authorization: `Bearer ${signToken({ ...claims(), serviceurl: 'https://elsewhere.example/' }, key.kid, key.privateKey)}` }, 'ServiceUrl'],
      ['expired', { authorization: `Bearer ${signToken({ ...claims(), exp: Math.floor(Date.now() / 1000) - 3600 }, key.kid, key.privateKey)}` }, 'expired'],
      ['another issuer', { authorization: `Bearer ${signToken({ ...claims(), iss: 'https://evil.example' }, key.kid, key.privateKey)}` }, 'No valid identity'],
    ];
    for (const [name, headers, reason] of cases) {
      logLines.length = 0;
      const { status } = await post(bot.url, messageActivity(fake.url, 'personal', 'hoe vind ik een partner'), headers);
      expect(status, name).toBe(401);
      if (reason) expect(logLines.find((line) => line.code === 'TEAMS_UNAUTHORIZED')?.reason, name).toContain(reason);
    }
    expect(fake.attempts).toEqual([]);
    expect(bot.conversations).toEqual([]);
  });
});

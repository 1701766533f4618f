// Odd and huge input on the Teams route, over real HTTP: a clear 4xx and a log line, never a 500 or a
// throw; and the one catch-all for a turn that fails, also for the message extension.
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/assistant.js';
import type { TeamsConfig } from '../../../src/config.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { createLogger } from '../../../src/logger.js';
import { createServiceHost, type ServiceHost } from '../../../adapters/server.js';
import { createTeamsAdapter } from '../../../adapters/teams/app.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../fakes/bot-connector.js';
import { membersAddedActivity, messageActivity, searchActivity } from './activities.js';

const NO_AUTH: TeamsConfig = { appId: undefined, appPassword: undefined, appType: 'MultiTenant', tenantId: undefined, domain: undefined };

describe('the Teams route with odd input', () => {
  let fake: FakeBotConnector;
  let host: ServiceHost;
  let url: string;
  const lines: Array<{ code?: string; level?: number }> = [];

  beforeAll(async () => {
    fake = await startFakeBotConnector();
    const logs = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as { code?: string });
        done();
      },
    });
    // One skill that breaks, as a bug would; it is searchable, so the message extension meets it too.
    const assistant = createAssistant({
      knowledge: loadKnowledge('test/fixtures/knowledge'),
      skills: [{ name: 'broken', searchable: true, handle: (request) => {
        if (request.text === 'kapot') throw new Error('secret internal detail');
        return undefined;
      } }],
    });
    const adapter = createTeamsAdapter({ config: NO_AUTH, assistant, logger: createLogger('warn', logs) });
    host = createServiceHost({ adapters: [adapter], logger: createLogger('silent') });
    url = `http://127.0.0.1:${await host.listen(0, '127.0.0.1')}/api/messages`;
    lines.length = 0;
  });
  afterEach(() => {
    fake.reset();
    lines.length = 0;
  });
  afterAll(async () => {
    await host.close();
    await fake.close();
  });

  const post = async (body: string): Promise<{ status: number; text: string }> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, text: await response.text() };
  };
  const message = (extra: Record<string, unknown>) => JSON.stringify({ ...messageActivity(fake.url, 'personal', 'tools'), ...extra });

  it.each([
    ['a number as text', () => message({ text: 42 }), 'text must be a string'],
    ['an object as text', () => message({ text: { evil: true } }), 'text must be a string'],
    ['a number as locale', () => message({ locale: 5 }), 'locale must be a string'],
    ['entities that are no list', () => message({ entities: 'x' }), 'entities must be a list'],
    ['a sender that is no account', () => message({ from: 'someone' }), 'from must be an account'],
    ['a conversation id that walks up a path', () => message({ conversation: { id: '..' } }), 'conversation.id'],
    ['an endless conversation id', () => message({ conversation: { id: 'a'.repeat(5000) } }), 'conversation.id'],
    ['an array', () => '[]', 'not an activity object'],
    ['null', () => 'null', 'not an activity object'],
    ['no JSON', () => '{nope', 'not JSON'],
  ])('answers 400 and logs it for %s', async (_name, body, reason) => {
    const { status, text } = await post(body());
    expect(status).toBe(400);
    expect(text).toContain(reason);
    expect(lines.map((line) => line.code)).toEqual(['TEAMS_BAD_ACTIVITY']);
    expect(fake.attempts).toEqual([]);
  });

  it('answers 413 and logs a body over the limit', async () => {
    const { status } = await post(message({ text: 'a'.repeat(1_100_000) }));
    expect(status).toBe(413);
    expect(lines.map((line) => line.code)).toEqual(['TEAMS_BODY_TOO_LARGE']);
  });

  it('answers a huge message full of mention tags at once, with the too-long line', async () => {
    const started = Date.now();
    expect((await post(message({ text: '<at>'.repeat(200_000) }))).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(JSON.stringify(fake.activities[0]?.activity)).toContain('te lang');
  });

  it('ignores odd members and search parameters without failing', async () => {
    expect((await post(JSON.stringify({ ...membersAddedActivity(fake.url, 'channel', '28:x'), membersAdded: [null, 5] }))).status).toBe(200);
    const search = searchActivity(fake.url, 'rapportage') as { value: { parameters: unknown[] } };
    search.value.parameters = [null, 7, { name: 'searchQuery', value: 12 }];
    expect((await post(JSON.stringify(search))).status).toBe(200);
    expect(lines.filter((line) => line.code === 'TEAMS_TURN_FAILED')).toEqual([]);
  });

  it('tells the message extension one friendly line when its turn fails, not a 500', async () => {
    const { status, text } = await post(JSON.stringify(searchActivity(fake.url, 'kapot')));
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ composeExtension: { type: 'message', text: 'Sorry, er ging iets mis aan mijn kant. Probeer het zo nog eens.' } });
    expect(text).not.toContain('secret internal detail');
    expect(lines.map((line) => line.code)).toEqual(['TEAMS_TURN_FAILED']);
  });
});

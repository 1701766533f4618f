// The Teams adapter's CloudAdapter against the SDK's plain one: the same turn through each must reach the
// local fake Bot Connector as the same request (URL, ids, body made by the SDK's serializer), for a reply,
// a new message and a card update; only the time limits differ.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/assistant.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { DEFAULT_CONNECTOR_TIMEOUTS, TeamsCloudAdapter } from '../../../adapters/teams/connector.js';
import { renderTeamsMessage } from '../../../adapters/teams/render.js';
import { startFakeBotConnector, type FakeBotConnector, type RecordedActivity } from '../../fakes/bot-connector.js';
import { messageActivity, USER } from './activities.js';

/** A recorded request without the time it arrived. */
const request = (recorded: RecordedActivity | undefined): Omit<RecordedActivity, 'at'> | undefined => {
  if (!recorded) return undefined;
  const { at: _at, ...rest } = recorded;
  return rest;
};

const assistant = createAssistant({ knowledge: loadKnowledge('test/fixtures/knowledge') });

/** One turn through the SDK's own CloudAdapter, by its public `process` entry point. */
async function viaPlainAdapter(activity: Record<string, unknown>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const res = { socket: undefined, status: () => res, header: () => res, send: () => res, end: () => res };
  await adapter.process({ method: 'POST', headers: {}, body: activity }, res, logic);
}

async function viaTeamsAdapter(activity: Record<string, unknown>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
  const adapter = new TeamsCloudAdapter(new ConfigurationBotFrameworkAuthentication({}), DEFAULT_CONNECTOR_TIMEOUTS);
  await adapter.run('', activity as unknown as Activity, logic);
}

describe('TeamsCloudAdapter', () => {
  let fake: FakeBotConnector;

  beforeAll(async () => {
    fake = await startFakeBotConnector();
  });
  afterEach(() => fake.reset());
  afterAll(async () => fake.close());

  const card = async (question: string) =>
    renderTeamsMessage(await assistant.handle({ text: question, conversation: { platform: 'teams', channelId: 'c', userId: USER.aadObjectId, kind: 'channel' } }));

  it.each([
    ['a reply in a channel thread', 'channel' as const, false],
    ['a new message in a personal chat', 'personal' as const, true],
  ])('posts %s exactly as the SDK does', async (_name, scope, detached) => {
    const message = await card('hoe vind ik een partner');
    const logic = async (context: TurnContext): Promise<void> => {
      await context.sendActivity(message);
    };
    // An activity without an id gives no replyToId: the message starts a new post (sendToConversation).
    const incoming = { ...messageActivity(fake.url, scope, 'hoe vind ik een partner'), ...(detached ? { id: undefined } : {}) };
    await viaPlainAdapter(incoming, logic);
    await viaTeamsAdapter(incoming, logic);
    expect(fake.activities).toHaveLength(2);
    const [sdk, ours] = fake.activities;
    expect(request(ours)).toEqual(request(sdk));
    expect(ours?.replyToId).toBe(detached ? undefined : incoming.id);
  });

  it('updates a card exactly as the SDK does', async () => {
    const message = await card('final report');
    const logic = async (context: TurnContext): Promise<void> => {
      await context.updateActivity({ ...message, id: 'activity-7' });
    };
    const incoming = messageActivity(fake.url, 'personal', 'final report');
    await viaPlainAdapter(incoming, logic);
    await viaTeamsAdapter(incoming, logic);
    expect(fake.updates).toHaveLength(2);
    const [sdk, ours] = fake.updates;
    expect(request(ours)).toEqual(request(sdk));
    expect(ours?.replyToId).toBe('activity-7');
  });
});

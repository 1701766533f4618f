// The Slack surface: a Bolt app that answers direct messages, @mentions (in a thread), the `/erasmus`
// slash command and clicks on its buttons (a 👍/👎 click is confirmed to the clicker alone), and publishes
// the App Home tab. Over HTTP it is mounted on the service host at POST /slack/events (events, commands
// and interactivity) through its own receiver, which refuses any request without a valid signature and a
// timestamp within 5 minutes before Bolt sees it; with SLACK_APP_TOKEN it connects through Socket Mode instead. Events are acknowledged before they
// are answered; retried deliveries are answered once.
// https://docs.slack.dev/tools/bolt-js/concepts/receiver · https://docs.slack.dev/apis/events-api
import { App, LogLevel, SocketModeReceiver, webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Assistant } from '../../src/assistant.js';
import type { SlackConfig } from '../../src/config.js';
import type { Lang } from '../../src/knowledge/schema.js';
import type { Logger } from '../../src/logger.js';
import type { Reply } from '../../src/reply.js';
import type { HttpRoute, SurfaceAdapter } from '../server.js';
import { createEventDeduper, createSharedEventDeduper, type ClaimOnce, type EventDeduper } from './dedupe.js';
import { deliverSlackEphemeral, deliverSlackMessage, postSlackMessage } from './deliver.js';
import { friendlyErrorText, toSlackFailure } from './errors.js';
import { renderSlackHome, SLACK_HOME_LANG_ACTION } from './home.js';
import {
  parseSlackBlockAction,
  parseSlackMessageEvent,
  parseSlackSlashCommand,
  type SlackBlockActionBody,
  type SlackInbound,
  type SlackMessageEvent,
} from './inbound.js';
import { SlackHttpReceiver } from './receiver.js';
import { renderSlackMessage, renderSlackNotice } from './render.js';
import { createSlackApiClient, type SlackApiClient, type SlackApiRetryOptions } from './web-api.js';

export { postSlackMessage } from './deliver.js';
export type { SlackApiClient } from './web-api.js';

/** The one path for events, slash commands and interactivity. */
export const SLACK_EVENTS_PATH = '/slack/events';
/** The slash command the manifest registers. */
export const SLACK_COMMAND = '/erasmus';

export interface SlackAdapterOptions {
  config: SlackConfig;
  assistant: Pick<Assistant, 'handle'>;
  logger: Logger;
  /** Milliseconds since the epoch; used for the retry memory and timings. */
  clock?: () => number;
  /** Retries of Web API and response_url calls; tests shorten the back-off. */
  retry?: SlackApiRetryOptions;
  /** The store's one-time claim: de-duplicates event retries across replicas; without it, in memory. */
  claimOnce?: ClaimOnce;
}

/** The Slack surface as the service host mounts it, plus proactive sends for notices. */
export interface SlackAdapter extends SurfaceAdapter {
  readonly mode: 'http' | 'socket';
  /** A Web API client with the bot token. */
  readonly client: SlackApiClient;
  /** Posts a core Reply to a channel, a DM or a thread; resolves to the message ts. */
  post(channel: string, reply: Reply, threadTs?: string): Promise<string | undefined>;
  /** Publishes the App Home tab for a user. */
  publishHome(userId: string, lang?: Lang): Promise<void>;
}

const BOLT_LEVELS: Record<string, LogLevel> = { trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN };

/** Bolt and the Web API client log through the service logger. */
function toBoltLogger(logger: Logger): BoltLogger {
  const line = (parts: unknown[]): string => parts.map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  // Bolt logs at debug on every request; the line is only built when it is written.
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (...parts: unknown[]) => {
    if (logger.isLevelEnabled(level)) logger[level](line(parts));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: () => undefined,
    getLevel: () => BOLT_LEVELS[logger.level] ?? LogLevel.ERROR,
    setName: () => undefined,
  };
}

/** Remembers each user's last language, so clicks and short messages keep it. Bounded, oldest out first. */
function createLangMemory(max = 10_000): { get(userId: string): Lang | undefined; set(userId: string, lang: Lang): void } {
  const langs = new Map<string, Lang>();
  return {
    get: (userId) => langs.get(userId),
    set(userId, lang) {
      langs.delete(userId);
      langs.set(userId, lang);
      if (langs.size > max) langs.delete(langs.keys().next().value as string);
    },
  };
}

/** Creates the Slack adapter: HTTP routes, or Socket Mode when the config has an app token. */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config, assistant } = options;
  const logger = options.logger.child({ surface: 'slack' });
  const clock = options.clock ?? Date.now;
  const boltLogger = toBoltLogger(logger);
  // Bolt's own client makes auth.test at start-up (a few retries, so a bad network fails the start within
  // seconds); answers go through the lighter client below.
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.apiUrl,
    rejectRateLimitedCalls: false,
    retryConfig: { retries: 3, factor: 2, minTimeout: 1_000, maxTimeout: 5_000 },
    timeout: 10_000,
    logger: boltLogger,
  };
  const client = createSlackApiClient({ token: config.botToken, apiUrl: config.apiUrl, ...options.retry });
  const deduper: EventDeduper = createEventDeduper({ clock });
  const shared =
    options.claimOnce &&
    createSharedEventDeduper(options.claimOnce, { clock, onError: (error) => logger.warn({ err: error }, 'slack event de-duplication through the store failed') });
  const langs = createLangMemory();
  const mode = config.appToken ? 'socket' : 'http';

  const receiver =
    mode === 'socket'
      ? new SocketModeReceiver({ appToken: config.appToken ?? '', logger: boltLogger, installerOptions: { clientOptions: { slackApiUrl: config.apiUrl } } })
      : new SlackHttpReceiver({ signingSecret: config.signingSecret, logger, clock });

  const app = new App({
    token: config.botToken,
    receiver,
    logger: boltLogger,
    clientOptions,
    convoStore: false,
    deferInitialization: true,
  });

  async function answer(inbound: SlackInbound, source: string): Promise<void> {
    // Requests that arrived with this one are acknowledged before this answer takes the CPU.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const { input, target } = inbound;
    const userId = input.conversation.userId;
    const remembered = langs.get(userId);
    const withLang = input.lang === undefined && remembered !== undefined ? { ...input, lang: remembered } : input;
    const started = clock();
    let lang: Lang = withLang.lang ?? 'nl';
    try {
      logger.debug({ source, text: input.text, action: input.action }, 'slack input');
      const reply = await assistant.handle(withLang);
      lang = reply.lang;
      langs.set(userId, reply.lang);
      // A 👍/👎 confirmation is for the clicker alone, not the channel.
      if (reply.kind === 'feedback-ack') await deliverSlackEphemeral(client, target, userId, renderSlackMessage(reply));
      else await deliverSlackMessage(client, target, renderSlackMessage(reply));
      logger.info({ source, kind: reply.kind, target: target.kind, ms: clock() - started }, 'slack answer sent');
    } catch (error) {
      logger.error({ source, target: target.kind, channel: target.kind === 'channel' ? target.channel : undefined, ...toSlackFailure(error) }, 'slack answer failed');
      await deliverSlackMessage(client, target, renderSlackNotice(friendlyErrorText(lang))).catch((again: unknown) =>
        logger.warn({ source, ...toSlackFailure(again) }, 'slack error notice could not be sent'),
      );
    }
  }

  async function publishHome(userId: string, lang?: Lang): Promise<void> {
    const shown = lang ?? langs.get(userId) ?? 'nl';
    const conversation = { platform: 'slack', channelId: userId, userId, kind: 'personal' } as const;
    const [help, roadmap, tools] = await Promise.all(
      ['cmd:help', 'cmd:roadmap', 'cmd:tools'].map((action) => assistant.handle({ action, lang: shown, conversation })),
    );
    if (help?.kind !== 'help' || roadmap?.kind !== 'roadmap' || tools?.kind !== 'tools') {
      throw new Error(`App Home expects help, roadmap and tools replies; got ${help?.kind}, ${roadmap?.kind}, ${tools?.kind}`);
    }
    await client.call('views.publish', { user_id: userId, view: renderSlackHome({ lang: shown, help, roadmap, tools }) });
  }

  // A retried delivery carries the same event_id; it was acknowledged already and is answered once.
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && (shared ? await shared.seen(eventId) : deduper.seen(eventId))) {
      logger.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack retry of a handled event skipped');
      return;
    }
    await next();
  });

  // One listener per kind of request: every listener costs every request a pass through Bolt's middleware.
  app.event(/^(message|app_mention|app_home_opened)$/, async ({ event, context }) => {
    if (event.type === 'app_home_opened') {
      if (event.tab === 'home') await publishHome(event.user).catch((error: unknown) => logger.error({ ...toSlackFailure(error) }, 'slack App Home publish failed'));
      return;
    }
    const inbound = parseSlackMessageEvent(event as unknown as SlackMessageEvent, context.botUserId);
    if (inbound) await answer(inbound, event.type === 'message' ? 'message.im' : 'app_mention');
  });

  app.command(SLACK_COMMAND, async ({ command, ack }) => {
    await ack();
    await answer(parseSlackSlashCommand(command), 'command');
  });

  app.action(/^erasmus(:|-home:)/, async ({ body, action, ack }) => {
    await ack();
    if ('action_id' in action && action.action_id === SLACK_HOME_LANG_ACTION) {
      const lang: Lang = 'value' in action && action.value === 'en' ? 'en' : 'nl';
      langs.set(body.user.id, lang);
      await publishHome(body.user.id, lang).catch((error: unknown) => logger.error({ ...toSlackFailure(error) }, 'slack App Home publish failed'));
      return;
    }
    const inbound = parseSlackBlockAction(body as unknown as SlackBlockActionBody);
    if (inbound) await answer(inbound, 'block_actions');
  });

  // The catch-all: listeners handle their own failures; anything that escapes them is logged here.
  app.error(async (error) => {
    logger.error({ ...toSlackFailure(error.original ?? error), boltCode: error.code }, 'slack listener failed');
  });

  const routes: HttpRoute[] =
    receiver instanceof SlackHttpReceiver ? [{ method: 'POST', path: SLACK_EVENTS_PATH, handle: (req, res) => receiver.handle(req, res) }] : [];

  return {
    name: 'slack',
    mode,
    client,
    routes,
    async start() {
      await app.init();
      if (mode === 'socket') await app.start();
      logger.info({ mode }, 'slack adapter ready');
    },
    async stop() {
      if (mode === 'socket') await app.stop();
      client.close();
    },
    post: (channel, reply, threadTs) => postSlackMessage(client, channel, reply, threadTs),
    publishHome,
  };
}

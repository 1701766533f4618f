// The Slack surface: a Bolt app that answers direct messages, @mentions (in a thread), the `/erasmus`
// slash command and clicks on its buttons (a 👍/👎 click is confirmed to the clicker alone), and publishes
// the App Home tab. Over HTTP, Bolt's HTTPReceiver is mounted on the service host at POST /slack/events
// (events, commands and interactivity) behind the gate in http.ts; with SLACK_APP_TOKEN it connects through
// Socket Mode instead. Events are acknowledged before they are answered; retries and replays are answered once.
// https://docs.slack.dev/tools/bolt-js/concepts/receiver · https://docs.slack.dev/apis/events-api
import { App, LogLevel, SocketModeReceiver, type Logger as BoltLogger, type RespondFn, type webApi } from '@slack/bolt';
import type { Assistant } from '../../src/assistant.js';
import { systemClock, type Clock } from '../../src/clock.js';
import type { SlackConfig } from '../../src/config.js';
import type { Lang } from '../../src/knowledge/schema.js';
import type { Logger } from '../../src/logger.js';
import { t } from '../../src/texts.js';
import type { HttpRoute, SurfaceAdapter } from '../server.js';
import { createSlackClientOptions } from './client.js';
import { createMemoryClaim, createSlackDedupe, type SlackClaim } from './dedupe.js';
import { deliverSlackEphemeral, deliverSlackMessage, type SlackSender } from './deliver.js';
import { createSlackCalls, toSlackFailure } from './errors.js';
import { parseSlackHomeLang, renderSlackHome, SLACK_HOME_LANG_ACTION } from './home.js';
import { createSlackHttpRoute } from './http.js';
import {
  parseSlackBlockAction,
  parseSlackMessageEvent,
  parseSlackSlashCommand,
  type SlackBlockActionBody,
  type SlackInbound,
  type SlackMessageEvent,
} from './inbound.js';
import { renderSlackMessage, renderSlackNotice } from './render.js';

/** The one path for events, slash commands and interactivity. */
export const SLACK_EVENTS_PATH = '/slack/events';
/** The slash command the manifest registers. */
export const SLACK_COMMAND = '/erasmus';

export interface SlackAdapterOptions {
  config: SlackConfig;
  assistant: Pick<Assistant, 'handle' | 'overview'>;
  logger: Logger;
  /** The time of the signature window, the rate-limit memory and the answer's duration in the log. */
  clock?: Clock;
  /** Waits for a Retry-After; tests pass one that does not wait in real time. */
  sleep?: (ms: number) => Promise<void>;
  /** WebClient's retries of 5xx and network failures; tests shorten the back-off. */
  retryConfig?: webApi.RetryOptions;
  /** The de-duplication memory; in memory by default. */
  claim?: SlackClaim;
  /** Milliseconds for each attempt of each Web API and response_url call. */
  timeoutMs?: number;
}

/** The Slack surface as the service host mounts it. */
export interface SlackAdapter extends SurfaceAdapter {
  readonly mode: 'http' | 'socket';
  /** Bolt's Web API client with the bot token (app.client). */
  readonly client: webApi.WebClient;
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

/** Creates the Slack adapter: HTTP routes, or Socket Mode when the config has an app token. */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config, assistant } = options;
  const logger = options.logger.child({ surface: 'slack' });
  const clock = options.clock ?? systemClock;
  const boltLogger = toBoltLogger(logger);
  const calls = createSlackCalls({ clock, ...(options.sleep ? { sleep: options.sleep } : {}) });
  const mode = config.appToken ? 'socket' : 'http';

  const http = mode === 'http' ? createSlackHttpRoute({ signingSecret: config.signingSecret, path: SLACK_EVENTS_PATH, logger, boltLogger, clock }) : undefined;
  const receiver =
    http?.receiver ??
    new SocketModeReceiver({ appToken: config.appToken ?? '', logger: boltLogger, installerOptions: { clientOptions: { slackApiUrl: config.apiUrl } } });

  const app = new App({
    token: config.botToken,
    receiver,
    logger: boltLogger,
    clientOptions: createSlackClientOptions({
      apiUrl: config.apiUrl,
      logger: boltLogger,
      ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    }),
    convoStore: false,
    deferInitialization: true,
  });

  async function answer(inbound: SlackInbound, source: string, respond: RespondFn | undefined): Promise<void> {
    const { input, target } = inbound;
    const sender: SlackSender = { client: app.client, calls, ...(respond ? { respond } : {}) };
    const userId = input.conversation.userId;
    const started = clock.now().getTime();
    let lang: Lang = input.lang ?? 'nl';
    try {
      logger.debug({ source, text: input.text, action: input.action }, 'slack input');
      // The core keeps the conversation's language; a button carries the language it was shown in.
      const reply = await assistant.handle(input);
      lang = reply.lang;
      // A 👍/👎 confirmation is for the clicker alone, not the channel.
      if (reply.kind === 'feedback-ack') await deliverSlackEphemeral(sender, target, userId, renderSlackMessage(reply));
      else await deliverSlackMessage(sender, target, renderSlackMessage(reply));
      logger.info({ source, kind: reply.kind, target: target.kind, ms: clock.now().getTime() - started }, 'slack answer sent');
    } catch (error) {
      logger.error({ source, target: target.kind, channel: target.kind === 'channel' ? target.channel : undefined, ...toSlackFailure(error) }, 'slack answer failed');
      await deliverSlackMessage(sender, target, renderSlackNotice(t(lang, 'somethingWrong'))).catch((again: unknown) =>
        logger.warn({ source, ...toSlackFailure(again) }, 'slack error notice could not be sent'),
      );
    }
  }

  /** The Home tab keeps its language in the published view itself, so that no memory is needed here. */
  async function publishHome(client: webApi.WebClient, userId: string, lang: Lang): Promise<void> {
    const view = renderSlackHome(assistant.overview(lang));
    await calls.run('views.publish', () => client.views.publish({ user_id: userId, view }));
  }

  app.use(createSlackDedupe(options.claim ?? createMemoryClaim(), logger));

  // One listener per kind of request: every listener costs every request a pass through Bolt's middleware.
  app.event(/^(message|app_mention|app_home_opened)$/, async ({ event, context, client }) => {
    if (event.type === 'app_home_opened') {
      if (event.tab === 'home') await publishHome(client, event.user, parseSlackHomeLang(event.view?.private_metadata)).catch((error: unknown) => logger.error({ ...toSlackFailure(error) }, 'slack App Home publish failed'));
      return;
    }
    const inbound = parseSlackMessageEvent(event as SlackMessageEvent, context.botUserId);
    if (inbound) await answer(inbound, event.type === 'message' ? 'message.im' : 'app_mention', undefined);
  });

  app.command(SLACK_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    await answer(parseSlackSlashCommand(command), 'command', respond);
  });

  app.action(/^erasmus(:|-home:)/, async ({ body, action, ack, respond, client }) => {
    await ack();
    if ('action_id' in action && action.action_id === SLACK_HOME_LANG_ACTION) {
      const lang: Lang = 'value' in action && action.value === 'en' ? 'en' : 'nl';
      await publishHome(client, body.user.id, lang).catch((error: unknown) => logger.error({ ...toSlackFailure(error) }, 'slack App Home publish failed'));
      return;
    }
    const inbound = parseSlackBlockAction(body as SlackBlockActionBody);
    if (inbound) await answer(inbound, 'block_actions', respond);
  });

  // The catch-all: listeners handle their own failures; anything that escapes them is logged here.
  app.error(async (error) => {
    logger.error({ ...toSlackFailure(error.original ?? error), boltCode: error.code }, 'slack listener failed');
  });

  const routes: HttpRoute[] = http ? [http.route] : [];

  return {
    name: 'slack',
    mode,
    client: app.client,
    routes,
    async start() {
      await app.init();
      if (mode === 'socket') await app.start();
      logger.info({ mode }, 'slack adapter ready');
    },
    async stop() {
      if (mode === 'socket') await app.stop();
    },
  };
}

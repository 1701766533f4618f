// The Teams surface: a botbuilder CloudAdapter behind `POST /api/messages` on the service host. It checks
// the Bot Framework JWT before anything else runs, turns activities into core input (inbound.ts), answers
// with Adaptive Cards (render.ts), updates an answer's card after a 👍/👎 click, serves the message-extension
// search (extension.ts) and sends core replies proactively to stored conversation references. Without
// MicrosoftAppId it serves only this machine (local-only.ts) and nobody is an admin through it. All
// botbuilder use is in this folder, so that a move to the Microsoft 365 Agents SDK (same Activity protocol)
// stays here.
// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type Activity,
  type ConversationReference,
  type InvokeResponse,
} from 'botbuilder';
import type { Assistant } from '../../src/assistant.js';
import type { TeamsConfig } from '../../src/config.js';
import { CodedError, isCodedError } from '../../src/errors.js';
import type { Conversation } from '../../src/input.js';
import type { Logger } from '../../src/logger.js';
import type { Reply } from '../../src/reply.js';
import { t } from '../../src/texts.js';
import { readBody, type SurfaceAdapter } from '../server.js';
import { isTokenRejection, toAuthOptions } from './auth.js';
import { DEFAULT_CONNECTOR_TIMEOUTS, TeamsCloudAdapter, type ConnectorTimeouts } from './connector.js';
import { escapeTeamsMarkdown } from './card.js';
import { toTeamsError } from './errors.js';
import { createServiceUrlCheck, isLocalCaller, toLocalServiceUrl } from './local-only.js';
import { renderTeamsSearch } from './extension.js';
import { parseTeamsActivity, parseTeamsBody, toConversation, toLang } from './inbound.js';
import { renderTeamsMessage, renderTeamsWelcome } from './render.js';

const TEAMS_MESSAGES_PATH = '/api/messages';

/** Where and to whom a proactive message goes; store it as JSON. */
export type TeamsConversationReference = Partial<ConversationReference>;

export interface TeamsAdapterOptions {
  config: TeamsConfig;
  assistant: Assistant;
  logger: Logger;
  /** Called with the reference of every conversation the bot is used in, for storage and later proactive sends. */
  onConversation?: (reference: TeamsConversationReference, conversation: Conversation) => void | Promise<void>;
  /** Called when the app is removed from a conversation; its stored reference is of no more use. */
  onUninstall?: (reference: TeamsConversationReference, conversation: Conversation) => void | Promise<void>;
  /** Time limits of connector calls; tests shorten them. */
  timeouts?: Partial<ConnectorTimeouts>;
  /** Where the token signing keys are published (OpenID metadata); overridden by tests only. */
  openIdMetadataUrl?: string;
  /** How outbound calls get their token; by default from the MicrosoftApp* settings. Tests use a fixed token. */
  credentialsFactory?: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1];
}

export interface TeamsAdapter extends SurfaceAdapter {
  /** Sends a core reply to a stored conversation; throws a `CodedError` (errors.ts) when it fails. */
  sendReply(reference: TeamsConversationReference, reply: Reply): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status, { 'content-length': 0 });
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** Creates the Teams adapter; mount it on the service host. */
export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const { config, assistant } = options;
  const logger = options.logger.child({ adapter: 'teams' });
  const authEnabled = Boolean(config.appId);
  const auth = new ConfigurationBotFrameworkAuthentication(toAuthOptions(config, options.openIdMetadataUrl), options.credentialsFactory);
  const adapter = new TeamsCloudAdapter(auth, { ...DEFAULT_CONNECTOR_TIMEOUTS, ...options.timeouts });
  if (!authEnabled) logger.warn('MicrosoftAppId is not set: Teams runs without auth, for the Bot Framework Emulator on this machine only');
  const checkServiceUrl = createServiceUrlCheck();

  // The one catch-all: a log line with the context, one friendly line to the user, never the details.
  adapter.onTurnError = async (context, error) => {
    const activity = context.activity;
    const mapped = toTeamsError(error);
    logger.error(
      {
        err: mapped ? undefined : error,
        code: mapped?.code ?? 'TEAMS_TURN_FAILED',
        status: mapped?.details.status,
        activityType: activity.type,
        name: activity.name,
        conversation: activity.conversation?.conversationType,
      },
      mapped?.message ?? 'turn failed',
    );
    const sorry = t(toLang(activity.locale) ?? 'nl', 'somethingWrong');
    try {
      // A failed connector call cannot carry the apology either; the message extension shows it in its pop-up.
      if (activity.type === 'invoke') {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { composeExtension: { type: 'message', text: sorry } } } });
      } else if (activity.type === 'message' && !mapped) {
        await context.sendActivity({ type: 'message', text: sorry });
      }
    } catch (sendError) {
      logger.debug({ err: sendError }, 'could not tell the user about the failed turn');
    }
  };

  const report = async (callback: TeamsAdapterOptions['onConversation'], activity: Activity): Promise<void> => {
    if (!callback) return;
    try {
      await callback(TurnContext.getConversationReference(activity), toConversation(activity, authEnabled));
    } catch (error) {
      logger.error({ err: error, code: 'TEAMS_CONVERSATION_CALLBACK_FAILED' }, 'conversation callback failed');
    }
  };

  const turn = async (context: TurnContext): Promise<void> => {
    const inbound = parseTeamsActivity(context.activity, authEnabled);
    if (inbound.kind === 'uninstall') await report(options.onUninstall, context.activity);
    else if (inbound.kind !== 'ignore') await report(options.onConversation, context.activity);
    switch (inbound.kind) {
      case 'message': {
        const reply = await assistant.handle(inbound.input);
        logger.debug({ kind: reply.kind, conversation: inbound.input.conversation.kind, click: Boolean(inbound.input.action) }, 'answered');
        const cardId = inbound.input.messageId;
        // A 👍/👎 click updates the answer's card in place instead of adding a message to the chat.
        if (reply.kind === 'feedback-ack' && cardId) await context.updateActivity({ ...renderTeamsMessage(reply), id: cardId });
        else if (reply.kind === 'feedback-ack') await context.sendActivity({ type: 'message', text: escapeTeamsMarkdown(reply.text) });
        else await context.sendActivity(renderTeamsMessage(reply));
        return;
      }
      case 'install': {
        const help = await assistant.handle({ action: 'cmd:help', ...(inbound.lang ? { locale: inbound.lang } : {}), conversation: inbound.conversation });
        await context.sendActivity(help.kind === 'help' ? renderTeamsWelcome(help) : renderTeamsMessage(help));
        return;
      }
      case 'uninstall':
        logger.info({ conversation: inbound.conversation.kind }, 'app removed from a conversation');
        return;
      case 'search': {
        const results = await assistant.search(inbound.query, inbound.lang, inbound.conversation);
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: renderTeamsSearch(results) } });
        return;
      }
      case 'ignore':
        logger.debug({ reason: inbound.reason }, 'activity ignored');
        return;
      default: {
        const unknown: never = inbound;
        throw new Error(`Unhandled Teams activity: ${JSON.stringify(unknown)}`);
      }
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const authHeader = req.headers.authorization ?? '';
    // Refuse an unsigned request before reading it; the SDK checks the token itself below.
    if (authEnabled && !/^Bearer \S+$/.test(authHeader)) {
      res.setHeader('connection', 'close');
      sendJson(res, 401, { error: 'unauthorized' });
      return;
    }
    if (!authEnabled && !isLocalCaller(req)) {
      logger.warn({ code: 'TEAMS_CALLER_REFUSED', remoteAddress: req.socket.remoteAddress }, 'without MicrosoftAppId only callers on this machine are served');
      sendJson(res, 403, { error: 'without auth only local callers are served' });
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (error) {
      const tooLarge = isCodedError(error, 'BODY_TOO_LARGE');
      logger.warn({ code: tooLarge ? 'TEAMS_BODY_TOO_LARGE' : 'TEAMS_BODY_UNREADABLE' }, 'request refused: body too large or unreadable');
      sendJson(res, tooLarge ? 413 : 400, { error: tooLarge ? 'body too large' : 'unreadable body' });
      return;
    }
    const activity = parseTeamsBody(raw);
    if (typeof activity === 'string') {
      logger.warn({ code: 'TEAMS_BAD_ACTIVITY', reason: activity, bytes: raw.length }, 'request refused: not a Bot Framework activity');
      sendJson(res, 400, { error: activity });
      return;
    }
    const refused = authEnabled ? undefined : checkServiceUrl(activity.conversation.id, activity.serviceUrl);
    if (refused) {
      logger.warn({ code: 'TEAMS_SERVICE_URL_REFUSED' }, refused);
      sendJson(res, 403, { error: refused });
      return;
    }
    let invokeResponse: InvokeResponse | undefined;
    try {
      invokeResponse = await adapter.run(authHeader, activity, turn);
    } catch (error) {
      if (isTokenRejection(error)) {
        logger.warn({ code: 'TEAMS_UNAUTHORIZED', reason: (error as Error).message }, 'request refused: invalid Bot Framework token');
        sendJson(res, 401, { error: 'unauthorized' });
        return;
      }
      logger.error({ err: error, code: 'TEAMS_REQUEST_FAILED' }, 'could not process the activity');
      sendJson(res, 500, { error: 'internal error' });
      return;
    }
    sendJson(res, invokeResponse?.status ?? 200, invokeResponse?.body);
  };

  return {
    name: 'teams',
    routes: [{ method: 'POST', path: TEAMS_MESSAGES_PATH, handle }],
    async sendReply(reference, reply) {
      if (!authEnabled && !toLocalServiceUrl(reference.serviceUrl ?? '')) {
        throw new CodedError('TEAMS_SERVICE_URL_REFUSED', 'without MicrosoftAppId notices go only to a loopback serviceUrl');
      }
      let failure: unknown;
      await adapter.continueConversationAsync(config.appId ?? '', reference, async (context) => {
        try {
          await context.sendActivity(renderTeamsMessage(reply));
        } catch (error) {
          failure = error;
        }
      });
      if (failure !== undefined) throw toTeamsError(failure) ?? new CodedError('TEAMS_SEND_FAILED', 'proactive send failed', { cause: failure });
    },
  };
}

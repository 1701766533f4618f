// The web chat surface: the page at `/` (and `/embed` for an iframe on a school's intranet), its static
// files, and a small JSON API the page talks to: `POST /web/api/message` (a message or a click → the
// reply), `POST /web/api/inbox` (notices kept since the page was last open) and `POST /web/api/road`
// (the road picture with the conversation's project). The API refuses other sites' requests, bad bodies
// and clients over the rate limit before any core code runs.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Assistant } from '../../src/assistant.js';
import type { Clock } from '../../src/clock.js';
import { isCodedError } from '../../src/errors.js';
import type { WebChatConfig } from '../../src/config.js';
import type { Knowledge } from '../../src/knowledge/load.js';
import type { Lang } from '../../src/knowledge/schema.js';
import type { Logger } from '../../src/logger.js';
import type { Reply } from '../../src/reply.js';
import { roadPicture, roadPosition } from '../../src/road-picture.js';
import type { Storage } from '../../src/storage/storage.js';
import { readBody, type HttpRoute, type SurfaceAdapter } from '../server.js';
import { parseWebConversation, parseWebMessage } from './inbound.js';
import { contentSecurityPolicy, langFromHeader, loadStaticFiles, pageFile, SECURITY_HEADERS, sendStatic, type StaticFile } from './page.js';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.js';
import { renderWebMessage, type WebMessage } from './render.js';

/** Largest body the API reads: a question of four times the cap in UTF-8, and the rest of the JSON. */
const MAX_API_BODY = 16 * 1024;

export interface WebAdapterOptions {
  config: WebChatConfig;
  assistant: Assistant;
  /** The knowledge the road is drawn from. */
  knowledge: Knowledge;
  storage: Pick<Storage, 'getProject' | 'takeInbox'>;
  clock: Clock;
  /** config.noticeTimezone, for the project's position on the road. */
  zone: string;
  logger: Logger;
  /** Burst and rate per client; the limiter runs on `clock` unless these give their own. */
  rateLimit?: RateLimitOptions;
}

const SORRY: Record<Lang, string> = {
  nl: 'Er ging iets mis aan mijn kant. Probeer het over een paar minuten nog eens.',
  en: 'Something went wrong on my side. Please try again in a few minutes.',
};

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/** Only the page of this server may call the API: browsers send Origin with every POST from a script. */
function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

const newMessageId = (): string => randomBytes(12).toString('base64url');

/** Creates the web chat adapter; mount it on the service host. */
export function createWebAdapter(options: WebAdapterOptions): SurfaceAdapter {
  const { assistant, knowledge, storage, clock, zone, config } = options;
  const logger = options.logger.child({ adapter: 'web' });
  const limiter = createRateLimiter({ clock, ...(options.rateLimit ?? DEFAULT_RATE_LIMIT) });
  const files = loadStaticFiles();
  const pages = new Map<string, StaticFile>();
  const page = (lang: Lang, embed: boolean): StaticFile => {
    const key = `${lang}:${embed}`;
    const built = pages.get(key) ?? pageFile(lang, embed);
    pages.set(key, built);
    return built;
  };
  const pageHeaders = (embed: boolean): Record<string, string> => ({
    'content-security-policy': contentSecurityPolicy(embed ? config.origins : []),
    'cache-control': 'no-cache',
    vary: 'accept-encoding, accept-language',
  });

  const road = async (conversation: { platform: 'web'; channelId: string }, lang: Lang) => {
    const project = await storage.getProject(conversation);
    return roadPicture(knowledge, lang, project && roadPosition(knowledge, project, lang, zone, clock.now()));
  };

  const render = async (reply: Reply, channelId: string, clicked: string | undefined): Promise<WebMessage> =>
    renderWebMessage(reply, {
      id: newMessageId(),
      ...(clicked ? { clicked } : {}),
      ...(reply.kind === 'roadmap' ? { road: await road({ platform: 'web', channelId }, reply.lang) } : {}),
    });

  /** Checks origin, rate and body; the parsed body, or undefined when the response was sent. */
  const readApiBody = async (req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> => {
    if (!isSameOrigin(req)) {
      sendJson(res, 403, { error: 'only the chat page of this server may call this API' });
      return undefined;
    }
    const taken = limiter.take(req.socket.remoteAddress ?? 'unknown');
    if (!taken.ok) {
      logger.info({ code: 'WEB_RATE_LIMITED', retryAfterSeconds: taken.retryAfterSeconds }, 'client over the rate limit');
      sendJson(res, 429, { error: 'too many requests', retryAfterSeconds: taken.retryAfterSeconds }, { 'retry-after': String(taken.retryAfterSeconds) });
      return undefined;
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      sendJson(res, 415, { error: 'send application/json' });
      return undefined;
    }
    try {
      return await readBody(req, MAX_API_BODY);
    } catch (error) {
      const tooLarge = isCodedError(error, 'BODY_TOO_LARGE');
      sendJson(res, tooLarge ? 413 : 400, { error: tooLarge ? 'body too large' : 'unreadable body' });
      return undefined;
    }
  };

  const message: HttpRoute['handle'] = async (req, res) => {
    const raw = await readApiBody(req, res);
    if (!raw) return;
    const inbound = parseWebMessage(raw);
    if (inbound.kind !== 'message') {
      sendJson(res, 400, { error: inbound.kind === 'invalid' ? inbound.reason : 'not a message' });
      return;
    }
    const { input } = inbound;
    try {
      const reply = await assistant.handle(input);
      logger.debug({ kind: reply.kind, click: Boolean(input.action) }, 'answered');
      sendJson(res, 200, { message: await render(reply, input.conversation.channelId, input.messageId) });
    } catch (error) {
      logger.error({ err: error, code: 'WEB_TURN_FAILED' }, 'turn failed');
      const lang = input.lang ?? 'nl';
      sendJson(res, 500, { message: renderWebMessage({ kind: 'message', lang, text: SORRY[lang], followUps: [] }, { id: newMessageId() }) });
    }
  };

  const conversationRoute = (answer: (channelId: string, lang: Lang) => Promise<unknown>): HttpRoute['handle'] => {
    return async (req, res) => {
      const raw = await readApiBody(req, res);
      if (!raw) return;
      const inbound = parseWebConversation(raw);
      if (inbound.kind !== 'conversation') {
        sendJson(res, 400, { error: inbound.kind === 'invalid' ? inbound.reason : 'not a conversation' });
        return;
      }
      sendJson(res, 200, await answer(inbound.conversation.channelId, inbound.lang ?? 'nl'));
    };
  };

  const inbox = conversationRoute(async (channelId) => {
    const notices = await storage.takeInbox({ platform: 'web', channelId }, clock.now());
    return { messages: await Promise.all(notices.map((item) => render(item.notice, channelId, undefined))) };
  });
  const roadRoute = conversationRoute(async (channelId, lang) => ({ road: await road({ platform: 'web', channelId }, lang) }));

  const servePage = (embed: boolean): HttpRoute['handle'] => (req, res) => sendStatic(req, res, page(langFromHeader(req.headers['accept-language']), embed), pageHeaders(embed));
  const routes: HttpRoute[] = [
    { method: 'GET', path: '/', handle: servePage(false) },
    { method: 'GET', path: '/embed', handle: servePage(true) },
    ...[...files].map(([path, file]): HttpRoute => ({ method: 'GET', path, handle: (req, res) => sendStatic(req, res, file, { 'cache-control': 'public, max-age=300' }) })),
    { method: 'POST', path: '/web/api/message', handle: message },
    { method: 'POST', path: '/web/api/inbox', handle: inbox },
    { method: 'POST', path: '/web/api/road', handle: roadRoute },
  ];
  return { name: 'web', routes };
}

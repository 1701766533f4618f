// The rules of Emulator mode (no MicrosoftAppId): nothing vouches for a caller then, so the Teams route
// serves only callers on this machine, and replies go only to a service URL on this machine that is the
// conversation's own. A reverse proxy on this machine makes every caller look local, so a request that
// carries forwarding headers is not a local caller. A service URL is an origin (scheme, loopback host, port)
// and nothing more: no path, query or credentials, which would let a caller aim the bot's POST at some
// other local endpoint. The first service URL a conversation names is its own; a later activity of that
// conversation may not redirect its replies elsewhere.
// https://learn.microsoft.com/azure/bot-service/bot-service-debug-emulator
import type { IncomingMessage } from 'node:http';
import { LRUCache } from 'lru-cache';

/** Conversations whose service URL is remembered; the Emulator opens a handful. */
const MAX_CONVERSATIONS = 10_000;

const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'] as const;

function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare) || /^::ffff:127(\.\d{1,3}){3}$/.test(bare);
}

/** Whether the request comes straight from a process on this machine (the Bot Framework Emulator). */
export function isLocalCaller(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress;
  if (address === undefined || !isLoopbackHost(address)) return false;
  return FORWARDING_HEADERS.every((name) => req.headers[name] === undefined);
}

/** The service URL as a bare loopback origin (`http://127.0.0.1:5000/`), or undefined when it is more or elsewhere. */
export function toLocalServiceUrl(serviceUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return undefined;
  }
  const bare = (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  if (!bare || url.pathname !== '/' || !isLoopbackHost(url.hostname)) return undefined;
  return `${url.origin}/`;
}

/** Checks each activity's service URL against the rules above; returns why it is refused, or undefined. */
export function createServiceUrlCheck(): (conversationId: string, serviceUrl: string) => string | undefined {
  const own = new LRUCache<string, string>({ max: MAX_CONVERSATIONS });
  return (conversationId, serviceUrl) => {
    const local = toLocalServiceUrl(serviceUrl);
    if (!local) return 'without MicrosoftAppId the serviceUrl must be a bare loopback origin, such as http://127.0.0.1:5000/';
    const known = own.get(conversationId);
    if (known !== undefined && known !== local) return 'the serviceUrl differs from the one this conversation started with';
    own.set(conversationId, local);
    return undefined;
  };
}

// The web chat's page and static files: the HTML of `/` and `/embed` (with the page texts of both
// languages as JSON data, never as markup), the script, the style sheet and the icon from
// adapters/web/public/, and `/embed.js` for a school's intranet. Everything is served by this server:
// the Content-Security-Policy allows nothing else. Files are read and compressed once, at start-up.
// https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { MAX_QUESTION_LENGTH } from '../../src/assistant.js';
import type { Lang } from '../../src/knowledge/schema.js';
import { pageShortcuts, pageTexts } from '../../src/page-texts.js';

const PUBLIC_DIR = new URL('./public/', import.meta.url);

/** A file ready to send: its bytes, gzipped bytes and validator. */
export interface StaticFile {
  type: string;
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

function toStaticFile(type: string, body: Buffer): StaticFile {
  return { type, body, gzip: gzipSync(body, { level: 9 }), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

/** The Content-Security-Policy of the page: only this server, framed by itself and the given origins. */
export function contentSecurityPolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...frameAncestors].join(' ')}`,
  ].join('; ');
}

/** Security headers of every response of the web chat. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
});

/** The page's language from Accept-Language: the first of nl and en the browser prefers, Dutch when neither. */
export function langFromHeader(header: string | undefined): Lang {
  const ranked = (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { lang: tag.slice(0, 2), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((entry) => (entry.lang === 'nl' || entry.lang === 'en') && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang === 'en' ? 'en' : 'nl';
}

/** JSON that is safe inside a `<script type="application/json">`: no `<` can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** The HTML of the chat page; `embed` is the compact form for an iframe. */
function renderPage(lang: Lang, embed: boolean): string {
  const config = {
    lang,
    embed,
    maxLength: MAX_QUESTION_LENGTH,
    texts: { nl: pageTexts('nl'), en: pageTexts('en') },
    shortcuts: { nl: pageShortcuts('nl'), en: pageShortcuts('en') },
  };
  const texts = pageTexts(lang);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${texts.title}</title>
<link rel="icon" href="/web/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/web/chat.css">
<script type="module" src="/web/chat.js"></script>
</head>
<body class="${embed ? 'embed' : 'page'}">
<script type="application/json" id="chat-config">${scriptJson(config)}</script>
<div class="chat" id="chat">
  <header class="bar">
    <div class="brand"><img src="/web/icon.svg" alt="" width="32" height="32"><div><h1 id="title"></h1><p class="tagline" id="tagline"></p></div></div>
    <button type="button" class="lang" id="lang-switch"></button>
  </header>
  <div class="tabs" role="tablist" id="tabs">
    <button type="button" role="tab" id="tab-chat" aria-controls="panel-chat" aria-selected="true"></button>
    <button type="button" role="tab" id="tab-road" aria-controls="panel-road" aria-selected="false" tabindex="-1"></button>
  </div>
  <main class="panel" id="panel-chat" role="tabpanel" aria-labelledby="tab-chat">
    <div class="log" id="log" role="log" aria-live="polite" aria-relevant="additions"></div>
    <p class="typing" id="typing" hidden><span class="dots" aria-hidden="true"><span></span><span></span><span></span></span><span id="typing-text"></span></p>
  </main>
  <section class="panel road-panel" id="panel-road" role="tabpanel" aria-labelledby="tab-road" hidden></section>
  <footer class="composer">
    <div class="shortcuts" id="shortcuts" role="group"></div>
    <form class="ask" id="ask">
      <label for="question" id="question-label"></label>
      <div class="row"><input id="question" name="question" type="text" autocomplete="off" maxlength="${MAX_QUESTION_LENGTH}" required><button type="submit" id="send"></button></div>
    </form>
  </footer>
</div>
<noscript><p>Deze chat heeft JavaScript nodig. · This chat needs JavaScript.</p></noscript>
</body>
</html>
`;
}

/** The script a school puts on its intranet: a button that opens the chat of this server in an iframe. */
function renderEmbedScript(): Buffer {
  const template = readFileSync(new URL('embed.js', PUBLIC_DIR), 'utf8');
  const texts = Object.fromEntries((['nl', 'en'] as const).map((lang) => [lang, { open: pageTexts(lang).openChat, close: pageTexts(lang).closeChat, title: pageTexts(lang).title }]));
  return Buffer.from(template.replace('__TEXTS__', JSON.stringify(texts)));
}

/** The static files by path. */
export function loadStaticFiles(): Map<string, StaticFile> {
  const file = (name: string): Buffer => readFileSync(new URL(name, PUBLIC_DIR));
  return new Map([
    ['/web/chat.js', toStaticFile('text/javascript; charset=utf-8', file('chat.js'))],
    ['/web/road.js', toStaticFile('text/javascript; charset=utf-8', file('road.js'))],
    ['/web/chat.css', toStaticFile('text/css; charset=utf-8', file('chat.css'))],
    ['/web/icon.svg', toStaticFile('image/svg+xml', file('icon.svg'))],
    ['/embed.js', toStaticFile('text/javascript; charset=utf-8', renderEmbedScript())],
  ]);
}

/** Sends a file or page: gzipped when the browser takes it, 304 when it has this version. */
export function sendStatic(req: IncomingMessage, res: ServerResponse, file: StaticFile, headers: Record<string, string>): void {
  const common = { ...SECURITY_HEADERS, 'content-type': file.type, etag: file.etag, vary: 'accept-encoding', ...headers };
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? file.gzip : file.body;
  res.writeHead(200, { ...common, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The page as a file of its own per language and form, built once. */
export function pageFile(lang: Lang, embed: boolean): StaticFile {
  return toStaticFile('text/html; charset=utf-8', Buffer.from(renderPage(lang, embed)));
}

// The web chat's routes over real HTTP: the page and its headers, the API for questions, clicks, votes,
// subscriptions and the inbox, and the requests it refuses before any core code runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebMessage } from '../../../adapters/web/render.js';
import type { RoadPicture } from '../../../src/road-picture.js';
import { startWebChat, type WebHarness } from './harness.js';

const ID = 'Qm9yZGVhdXgtaXMtYS1jaXR5LWluLUZyYW5jZS0xMjM';
const OTHER = 'T3RoZXItYnJvd3Nlci1jb252ZXJzYXRpb24taWQtNDU2';

let chat: WebHarness;
beforeAll(async () => {
  chat = await startWebChat({ web: { origins: ['https://intranet.school.nl'] }, rateLimit: { burst: 1000, perMinute: 1000 } });
});
afterAll(() => chat.close());

const api = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${chat.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const say = async (body: Record<string, unknown>, conversation = ID): Promise<WebMessage> => {
  const response = await api('/web/api/message', { conversation, ...body });
  expect(response.status).toBe(200);
  return ((await response.json()) as { message: WebMessage }).message;
};
const textOf = (message: WebMessage): string => JSON.stringify(message.blocks);

describe('the page', () => {
  it('is served at / in the browser language, with a CSP that allows only this server', async () => {
    const response = await fetch(`${chat.base}/`, { headers: { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<label for="question" id="question-label">');
    expect(html).toContain('role="log" aria-live="polite"');
    // Every script, style sheet and image comes from this server.
    expect([...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1])).toEqual(['/web/icon.svg', '/web/chat.css', '/web/chat.js', '/web/icon.svg']);
    const dutch = await (await fetch(`${chat.base}/`, { headers: { 'accept-language': 'nl-NL,nl;q=0.9' } })).text();
    expect(dutch).toContain('<html lang="nl">');
  });

  it('lets only the configured origins frame /embed', async () => {
    const embed = await fetch(`${chat.base}/embed`);
    expect(embed.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://intranet.school.nl");
    expect(await embed.text()).toContain('<body class="embed">');
    expect((await fetch(`${chat.base}/`)).headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'$/);
  });

  it('serves its files gzipped with a validator, and the embed script pointing at this server', async () => {
    const response = await fetch(`${chat.base}/web/chat.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const etag = response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await fetch(`${chat.base}/web/chat.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const embed = await (await fetch(`${chat.base}/embed.js`)).text();
    expect(embed).toContain('`${origin}/embed`');
    expect(embed).toContain('"open":"Open the Erasmus+ chat"');
    expect(embed).not.toContain('__TEXTS__');
  });

  it('keeps the text of the page out of its markup: the page texts are JSON data', async () => {
    const raw = await fetch(`${chat.base}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(raw.headers.get('content-encoding')).toBe('gzip');
    const html = await raw.text();
    const json = /<script type="application\/json" id="chat-config">(.*)<\/script>/.exec(html)?.[1] ?? '';
    expect(json).not.toMatch(/[<>]/);
    expect(JSON.parse(json)).toMatchObject({ maxLength: 1000, texts: { nl: { inputLabel: 'Je vraag' }, en: { inputLabel: 'Your question' } } });
  });
});

describe('the API', () => {
  it('answers a Dutch and an English question in their language, with follow-ups and 👍/👎', async () => {
    const nl = await say({ text: 'Waar vind ik een partner in het buitenland?', lang: 'nl' });
    expect(nl).toMatchObject({ kind: 'answer', lang: 'nl' });
    expect(nl.replaces).toBeUndefined();
    expect(nl.blocks[1]).toMatchObject({ type: 'heading' });
    expect(nl.buttons.length).toBeGreaterThan(0);
    expect(nl.feedback?.buttons.map((b) => b.action)).toEqual([expect.stringMatching(/^feedback:up:nl:/), expect.stringMatching(/^feedback:down:nl:/)]);
    const en = await say({ text: 'When is the final report due?', lang: 'nl' });
    expect(en).toMatchObject({ kind: 'answer', lang: 'en' });
    const next = await say({ action: en.buttons[0]?.action, messageId: en.id, lang: 'en' });
    expect(next).toMatchObject({ kind: 'answer', lang: 'en' });
  });

  it('keeps the conversation language for words that read the same in both, until the page switches', async () => {
    const conversation = 'TGFuZ3VhZ2UtY29udmVyc2F0aW9uLWlkLW9mLWEtdGVzdA';
    expect((await say({ text: 'tools', locale: 'nl' }, conversation)).lang).toBe('nl');
    expect((await say({ text: 'How do I apply for a PIC?', locale: 'nl' }, conversation)).lang).toBe('en');
    expect((await say({ text: 'tools', locale: 'nl' }, conversation)).lang).toBe('en');
    expect((await say({ text: 'tools', lang: 'nl', locale: 'nl' }, conversation)).lang).toBe('nl');
    const response = await api('/web/api/message', { conversation, text: 'tools', locale: 'fr' });
    expect(response.status).toBe(400);
  });

  it('saves a vote and replaces the answer with the one that says so', async () => {
    const answer = await say({ text: 'wat is een PIC-code?', lang: 'nl' });
    const up = answer.feedback?.buttons[0];
    const ack = await say({ action: up?.action, messageId: answer.id, lang: 'nl' });
    expect(ack).toMatchObject({ kind: 'feedback-ack', replaces: answer.id, feedback: { saved: 'Bedankt, je feedback is opgeslagen.' } });
    // In a personal chat only the other vote stays, to change it.
    expect(ack.feedback?.buttons.map((b) => b.action)).toEqual([expect.stringMatching(/^feedback:down:/)]);
    expect((await chat.storage.feedbackSummary(new Date(0))).entries.some((e) => e.up === 1)).toBe(true);
  });

  it('draws the road with a roadmap, and shows a registered project where it stands', async () => {
    const roadmap = await say({ text: 'roadmap', lang: 'en' });
    const road = roadmap.blocks.find((b) => b.type === 'road');
    expect(road).toMatchObject({ type: 'road', road: { tracks: [{ id: 'applicant' }, { id: 'impact' }] } });
    expect(road?.type === 'road' && road.road.position).toBeUndefined();
    expect(await say({ text: 'project start 2026-09-01 end 2028-08-31 interim 2027-09-30' })).toMatchObject({ kind: 'project' });
    const response = await api('/web/api/road', { conversation: ID, lang: 'en' });
    const picture = ((await response.json()) as { road: RoadPicture }).road;
    expect(picture.position).toMatchObject({ at: 'kick-off', next: { stop: 'interim-report' } });
    expect(picture.description).toContain('Next milestone: Progress or interim report');
  });

  it('keeps a subscription for this browser and puts the notices in its inbox until the page asks', async () => {
    const subscribed = await say({ text: 'abonneer op deadlines' }, OTHER);
    expect(subscribed.kind).toBe('deadlines');
    expect(await chat.storage.listSubscriptions({ platform: 'web', channelId: OTHER })).toMatchObject([{ topic: 'calls' }]);
    chat.clock.set('2027-02-03T08:00:00Z');
    expect(await chat.scheduler.tick()).toMatchObject({ sent: 2 });
    expect((await (await api('/web/api/inbox', { conversation: ID })).json()) as unknown).toEqual({ messages: [] });
    const inbox = (await (await api('/web/api/inbox', { conversation: OTHER })).json()) as { messages: WebMessage[] };
    expect(inbox.messages.map((m) => m.kind)).toEqual(['notice', 'notice']);
    expect(inbox.messages[0]?.blocks[0]).toMatchObject({ type: 'heading', text: expect.stringMatching(/^Nog 30 dagen: KA2/) });
    expect((await (await api('/web/api/inbox', { conversation: OTHER })).json()) as unknown).toEqual({ messages: [] });
    expect((await say({ text: 'opzeggen' }, OTHER)).kind).toBe('message');
    chat.clock.set('2027-02-01T10:00:00Z');
  });

  it('never shows the feedback report', async () => {
    const reply = await say({ text: 'report', lang: 'en' });
    expect(reply.kind).toBe('message');
    expect(textOf(reply)).toContain('The report is not available in the web chat.');
    expect(textOf(reply)).not.toContain('BOT_ADMINS');
  });

  it('asks to shorten a message over the cap, as on other surfaces', async () => {
    const reply = await say({ text: 'Hoe vind ik partners voor ons project? '.repeat(30), lang: 'nl' });
    expect(textOf(reply)).toContain('meer dan 1000 tekens');
  });

  it.each([
    ['a short conversation id', { conversation: 'abc', text: 'hoi' }, /conversation must be a random id/],
    ['no text or action', { conversation: ID }, /send text or action/],
    ['a bad action id', { conversation: ID, action: '<script>' }, /action is not an action id/],
    ['an unknown language', { conversation: ID, text: 'hoi', lang: 'de' }, /lang must be nl or en/],
    ['text far over the cap', { conversation: ID, text: 'x'.repeat(4001) }, /longer than 4000/],
    ['a body that is not JSON', '{', /not JSON/],
  ])('refuses %s with 400', async (_name, body, message) => {
    const response = await api('/web/api/message', body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  it('refuses other sites, other content types and large bodies', async () => {
    expect((await api('/web/api/message', { conversation: ID, text: 'hoi' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('/web/api/message', { conversation: ID, text: 'hoi' }, { origin: chat.base })).status).toBe(200);
    expect((await api('/web/api/message', 'conversation=x', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await api('/web/api/message', JSON.stringify({ conversation: ID, text: 'x'.repeat(20_000) }))).status).toBe(413);
    expect((await fetch(`${chat.base}/web/api/message`)).status).toBe(405);
  });
});

describe('the rate limit', () => {
  it('answers 429 with Retry-After once a client has used its burst', async () => {
    const limited = await startWebChat({ rateLimit: { burst: 2, perMinute: 6 } });
    try {
      const ask = () => fetch(`${limited.base}/web/api/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ conversation: ID }) });
      expect((await ask()).status).toBe(200);
      expect((await ask()).status).toBe(200);
      const refused = await ask();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('10');
      // The page itself is not limited.
      expect((await fetch(`${limited.base}/`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

// The web chat in a real browser: Debian's Chromium driven by playwright-core (which downloads no browser
// of its own), against the chat as `npm start` wires it. It asks in Dutch and in English, clicks a
// follow-up, votes, subscribes and sees the notice in the inbox after a scheduler tick, opens the road,
// switches the language, works by keyboard, fits 360 px, and never requests anything from another
// address. Screenshots go to test-output/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebChat, type WebHarness } from './harness.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUTPUT = 'test-output';
const MAX_FIRST_LOAD_BYTES = 300 * 1024;

let chat: WebHarness;
let context: BrowserContext;
let page: Page;
let profile: string;
const requested: string[] = [];
/** Two intranet pages with the script tag: one on an allowed origin, one on an origin that is not. */
const intranets: Server[] = [];
const intranetOrigins: string[] = [];

async function startIntranet(): Promise<string> {
  return startIntranetOn(0);
}

async function startIntranetOn(port: number): Promise<string> {
  const server = createServer((req, res) => {
    const html = `<!doctype html><html lang="nl"><head><title>Intranet</title></head><body><h1>Intranet</h1><script src="${chat.base}/embed.js" async></script></body></html>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  intranets.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(OUTPUT, { recursive: true });
  // The allowed intranet's port is known before the chat starts, so that it can be configured.
  const allowed = createServer();
  await new Promise<void>((resolve) => allowed.listen(0, '127.0.0.1', resolve));
  const allowedPort = (allowed.address() as AddressInfo).port;
  await new Promise((resolve) => allowed.close(resolve));
  chat = await startWebChat({ rateLimit: { burst: 1000, perMinute: 1000 }, web: { origins: [`http://127.0.0.1:${allowedPort}`] } });
  intranetOrigins.push(await startIntranetOn(allowedPort), await startIntranet());
  profile = mkdtempSync(join(tmpdir(), 'web-chat-profile-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    locale: 'nl-NL',
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 860 },
  });
  context.on('request', (request) => requested.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
}, 60_000);

afterAll(async () => {
  await context?.close();
  await chat?.close();
  for (const server of intranets) await new Promise((resolve) => server.close(resolve));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const log = () => page.locator('#log');
const lastBot = () => log().locator('article.msg.bot').last();
async function ask(text: string): Promise<void> {
  const before = await log().locator('article.msg.bot').count();
  await page.getByLabel(/^(Je vraag|Your question)$/).fill(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => log().locator('article.msg.bot').count()).toBe(before + 1);
}

describe('the web chat in Chromium', { timeout: 120_000 }, () => {
  it('opens in Dutch with help, under 300 KB transferred', async () => {
    await page.goto(chat.base, { waitUntil: 'networkidle' });
    await expect.poll(() => log().locator('article.kind-help').count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.getByLabel('Je vraag').getAttribute('maxlength')).toBe('1000');
    // Run in the page (the test itself compiles without the DOM library).
    const bytes = Number(
      await page.evaluate("[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].reduce((sum, e) => sum + e.transferSize, 0)"),
    );
    console.log(`web chat first load: ${bytes} bytes transferred`);
    expect(bytes).toBeGreaterThan(1000);
    expect(bytes).toBeLessThan(MAX_FIRST_LOAD_BYTES);
  });

  it('answers a Dutch and an English question, and a follow-up click', async () => {
    await ask('Waar vind ik een partner in het buitenland?');
    expect(await lastBot().getAttribute('lang')).toBe('nl');
    expect(await lastBot().getAttribute('class')).toContain('kind-answer');
    await ask('When is the final report due?');
    const english = lastBot();
    expect(await english.getAttribute('lang')).toBe('en');
    expect(await english.locator('h2').textContent()).toBe('Final report');
    const links = english.locator('a[href^="http"]');
    expect(await links.count()).toBeGreaterThan(0);
    for (const link of await links.all()) {
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');
    }
    const before = await log().locator('article.msg.bot').count();
    const followUp = english.locator('.chips button').first();
    const label = await followUp.textContent();
    await followUp.click();
    await expect.poll(() => log().locator('article.msg.bot').count()).toBe(before + 1);
    expect(label).toBeTruthy();
    expect(await lastBot().getAttribute('class')).toContain('kind-answer');
  });

  it('saves a vote and says so in the answer', async () => {
    const answer = lastBot();
    const id = await answer.getAttribute('data-id');
    await answer.locator('.feedback button').first().click();
    await expect.poll(() => log().locator('.feedback span').last().textContent()).toBe('Thank you, your feedback was saved.');
    expect(await log().locator(`article[data-id="${id}"]`).count()).toBe(0);
    expect((await chat.storage.feedbackSummary(new Date(0))).entries.reduce((sum, e) => sum + e.up, 0)).toBe(1);
  });

  it('shows what was typed as text, never as markup', async () => {
    await ask('<img src=x onerror="window.__owned=1"><b>vet</b>');
    const mine = log().locator('article.msg.user').last();
    expect(await mine.locator('p').last().textContent()).toBe('<img src=x onerror="window.__owned=1"><b>vet</b>');
    expect(await log().locator('img, b').count()).toBe(0);
    expect(await page.evaluate('window.__owned')).toBeUndefined();
  });

  it('subscribes this browser and shows the notice the next time the page is opened', async () => {
    await page.getByRole('button', { name: 'Abonneer', exact: true }).click();
    await expect.poll(() => log().locator('article.kind-deadlines').count()).toBeGreaterThan(0);
    const id = String(await page.evaluate("localStorage.getItem('erasmus-chat:conversation')"));
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await chat.storage.listSubscriptions({ platform: 'web', channelId: id })).map((s) => s.topic)).toEqual(['calls', 'project']);

    chat.clock.set('2027-02-03T08:00:00Z');
    expect(await chat.scheduler.tick()).toMatchObject({ sent: 2 });
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => log().locator('article.kind-notice').count()).toBe(2);
    expect(await log().locator('h2.inbox').textContent()).toBe('Berichten sinds je laatste bezoek');
    expect(await log().locator('article.kind-notice h2').first().textContent()).toMatch(/^Nog 30 dagen: /);
    await page.screenshot({ path: join(OUTPUT, 'web-chat-inbox.png') });
    // Shown once: the next visit starts without them.
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => log().locator('article.kind-help').count()).toBe(1);
    expect(await log().locator('article.kind-notice').count()).toBe(0);
  });

  it('draws the road with the project, and a stop opens its answer', async () => {
    await ask('project start 2026-09-01 einde 2028-08-31 tussenrapportage 2027-09-30');
    expect(await lastBot().getAttribute('class')).toContain('kind-project');
    await page.getByRole('tab', { name: 'Stappenplan' }).click();
    await expect.poll(() => page.locator('#panel-road svg.road-track').count()).toBe(2);
    expect(await page.locator('#panel-road .position').textContent()).toContain('Je project staat nu bij: ');
    expect(await page.locator('#panel-road circle.here').count()).toBe(1);
    await page.locator('#panel-road circle.here').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'web-chat-road-desktop.png') });
    expect(await page.locator('#panel-road details p').textContent()).toContain('De weg in 6 fases op twee sporen.');
    await page.locator('#panel-road a.stop-link', { has: page.locator('title', { hasText: /^Eindrapportage$/ }) }).click();
    await expect.poll(() => lastBot().locator('h2').textContent()).toBe('Eindrapportage');
    expect(await page.locator('#panel-chat').isVisible()).toBe(true);
  });

  it('works with the keyboard alone, and switches to English', async () => {
    await page.locator('#tab-chat').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate('document.activeElement.id')).toBe('tab-road');
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#panel-chat').isVisible()).toBe(true);
    // From the top of a freshly opened page, Tab leads through the language switch, the tab, the buttons of
    // the welcome and the shortcuts to the question.
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => log().locator('article.kind-help').count()).toBe(1);
    let reached = false;
    for (let i = 0; i < 30 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate('document.activeElement.id')) === 'question';
    }
    expect(reached).toBe(true);
    const before = await log().locator('article.msg.bot').count();
    await page.keyboard.type('tools');
    await page.keyboard.press('Enter');
    await expect.poll(() => log().locator('article.msg.bot').count()).toBe(before + 1);
    expect(await lastBot().getAttribute('class')).toContain('kind-tools');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.locator('#question-label').textContent()).toBe('Your question');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await ask('roadmap');
    expect(await lastBot().locator('svg.road-track').count()).toBe(2);
  });

  it('fits a 360 px screen, and takes the screenshots', async () => {
    await page.screenshot({ path: join(OUTPUT, 'web-chat-desktop.png') });
    await page.setViewportSize({ width: 360, height: 740 });
    await ask('afstand Zwolle Helsinki');
    expect(await lastBot().getAttribute('class')).toContain('kind-distance');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await page.evaluate("document.getElementById('log').scrollWidth")).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(OUTPUT, 'web-chat.png') });
    expect(existsSync(join(OUTPUT, 'web-chat.png'))).toBe(true);
    await page.getByRole('tab', { name: 'Roadmap' }).click();
    await expect.poll(() => page.locator('#panel-road svg.road-track').count()).toBe(2);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(OUTPUT, 'web-chat-road.png') });
  });

  it('asked nothing of any address but its own server', () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((url) => !url.startsWith(`${chat.base}/`))).toEqual([]);
  });

  it('opens from the script tag on an allowed intranet, and cannot be framed by another site', async () => {
    const [allowed = '', other = ''] = intranetOrigins;
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(allowed, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Open de Erasmus+ chat' }).click();
    const frame = page.frameLocator('iframe[title="Erasmus+ mbo-assistent"]');
    await expect.poll(() => frame.locator('article.kind-help').count()).toBe(1);
    // Same site as the chat (127.0.0.1, another port): the frame shares the language chosen earlier.
    await frame.getByLabel(/^(Je vraag|Your question)$/).fill('Wat is een PIC-code?');
    await frame.getByLabel(/^(Je vraag|Your question)$/).press('Enter');
    await expect.poll(() => frame.locator('article.kind-answer').count()).toBe(1);
    await page.screenshot({ path: join(OUTPUT, 'web-chat-embedded.png') });
    expect(await page.getByRole('button', { name: 'Sluit de chat' }).getAttribute('aria-expanded')).toBe('true');

    await page.goto(other, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Open de Erasmus+ chat' }).click();
    await page.waitForTimeout(1000);
    const embedded = page.frames().find((f) => f !== page.mainFrame());
    expect(embedded).toBeDefined();
    expect(await embedded?.locator('#chat').count()).toBe(0);
    expect(requested.filter((url) => ![chat.base, allowed, other].some((origin) => url.startsWith(`${origin}/`)))).toEqual([]);
  });
});

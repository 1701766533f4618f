import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalSections, markdownToHtml, README_PATH } from '../../adapters/legal.js';
import { createServiceHost, type ServiceHost } from '../../adapters/server.js';
import { createLogger } from '../../src/logger.js';

describe('/privacy and /terms', () => {
  let host: ServiceHost;
  let base: string;

  beforeAll(async () => {
    host = createServiceHost({ logger: createLogger('silent'), adapters: [] });
    base = `http://127.0.0.1:${await host.listen(0, '127.0.0.1')}`;
  });
  afterAll(() => host.close());

  it('serves the privacy section of the README as a page', async () => {
    const res = await fetch(`${base}/privacy`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<h1>Privacy</h1>');
    // The README's table of what is kept, with its markup as HTML.
    expect(html).toMatch(/<tr><th>what<\/th><th>stored<\/th><th>for how long<\/th><\/tr>/);
    expect(html).toContain('<strong>not the text</strong>');
    expect(html).toContain('<code>RETENTION_DAYS</code>');
    expect(html).not.toContain('Terms of use');
  });

  it('serves the terms of use from the same section', async () => {
    const res = await fetch(`${base}/terms`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Terms of use</h1>');
    expect(html).toContain('<a href="https://www.erasmusplus.nl">erasmusplus.nl</a>');
    expect(html).not.toContain('salted hashes');
  });

  it('keeps to the README', () => {
    const { privacy, terms } = legalSections(readFileSync(README_PATH, 'utf8'));
    expect(privacy).toMatch(/^## Privacy\n/);
    expect(terms).toMatch(/^### Terms of use\n/);
  });

  it('escapes everything and links only to https', () => {
    const html = markdownToHtml('A <script>alert(1)</script> "x" & **b** [bad](javascript:alert(1)) [ok](https://example.org/a?b=1&c=2)\n\n- one\n  more\n- two');
    expect(html).toBe(
      '<p>A &lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot; &amp; <strong>b</strong> [bad](javascript:alert(1)) <a href="https://example.org/a?b=1&amp;c=2">ok</a></p>\n<ul>\n<li>one more</li>\n<li>two</li>\n</ul>',
    );
  });
});

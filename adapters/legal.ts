// The privacy statement and terms of use that the Teams app manifest links to (`/privacy`, `/terms`):
// short HTML pages made once, at start, from the README's "Privacy" section and its "Terms of use" part,
// so that the pages and the README never differ. Only the README's small markdown subset is read
// (paragraphs, `- ` lists, tables, `code`, **bold**, [links](https://…)); all text is escaped.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The README the pages are made from. */
export const README_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md');

const PRIVACY_HEADING = '## Privacy';
const TERMS_HEADING = '### Terms of use';

/** A GET route, in the shape of the service host's `HttpRoute`. */
export interface LegalRoute {
  method: 'GET';
  path: '/privacy' | '/terms';
  handle(req: IncomingMessage, res: ServerResponse): void;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Inline markup of one escaped line: `code`, **bold** and [label](https://…). */
function inline(text: string): string {
  return escape(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\((https:\/\/[^\s)]+)\)/g, '<a href="$2">$1</a>');
}

const cells = (row: string): string[] =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

/** The small markdown subset as HTML blocks. */
export function markdownToHtml(markdown: string): string {
  const html: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.startsWith('```')) {
      i += 1;
      continue;
    }
    const heading = /^(#{2,4}) (.+)$/.exec(line);
    if (heading) {
      const level = (heading[1] ?? '##').length;
      html.push(`<h${level}>${inline(heading[2] ?? '')}</h${level}>`);
      i += 1;
      continue;
    }
    const block: string[] = [];
    const kind = line.startsWith('|') ? 'table' : /^\s*- /.test(line) ? 'list' : 'paragraph';
    // A list item or paragraph runs on over its indented or plain continuation lines.
    while (i < lines.length && (lines[i] ?? '').trim() !== '' && !/^#{2,4} /.test(lines[i] ?? '')) {
      const next = lines[i] ?? '';
      if (kind === 'table' && !next.startsWith('|')) break;
      if (kind !== 'table' && next.startsWith('|')) break;
      if (kind === 'list' && !/^\s*- /.test(next) && block.length > 0) block[block.length - 1] += ` ${next.trim()}`;
      else block.push(next);
      i += 1;
    }
    if (kind === 'table') {
      const [head = '', , ...rows] = block;
      const th = cells(head).map((cell) => `<th>${inline(cell)}</th>`).join('');
      const trs = rows.map((row) => `<tr>${cells(row).map((cell) => `<td>${inline(cell)}</td>`).join('')}</tr>`).join('\n');
      html.push(`<table>\n<tr>${th}</tr>\n${trs}\n</table>`);
    } else if (kind === 'list') {
      html.push(`<ul>\n${block.map((item) => `<li>${inline(item.replace(/^\s*- /, ''))}</li>`).join('\n')}\n</ul>`);
    } else {
      html.push(`<p>${inline(block.map((part) => part.trim()).join(' '))}</p>`);
    }
  }
  return html.join('\n');
}

/** The README's privacy section (without its terms) and its terms of use, as markdown. */
export function legalSections(readme: string): { privacy: string; terms: string } {
  const start = readme.indexOf(`\n${PRIVACY_HEADING}\n`);
  if (start < 0) throw new Error(`README.md has no "${PRIVACY_HEADING}" section`);
  const rest = readme.slice(start + 1);
  const end = rest.indexOf('\n## ', PRIVACY_HEADING.length);
  const section = end < 0 ? rest : rest.slice(0, end);
  const termsAt = section.indexOf(`\n${TERMS_HEADING}\n`);
  if (termsAt < 0) throw new Error(`README.md has no "${TERMS_HEADING}" part in its privacy section`);
  return { privacy: section.slice(0, termsAt), terms: section.slice(termsAt + 1) };
}

function page(title: string, markdown: string): string {
  const body = markdownToHtml(markdown.replace(/^#{2,3} .+\n/, ''));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Erasmus+ mbo assistant</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}code{background:#f3f3f3;padding:0 .2rem}</style>
</head>
<body>
<h1>${escape(title)}</h1>
${body}
</body>
</html>
`;
}

/** `/privacy` and `/terms`, made once from `readme` (the README's text). */
export function createLegalRoutes(readme: string = readFileSync(README_PATH, 'utf8')): LegalRoute[] {
  const { privacy, terms } = legalSections(readme);
  const pages = { '/privacy': page('Privacy', privacy), '/terms': page('Terms of use', terms) } as const;
  return (Object.keys(pages) as Array<keyof typeof pages>).map((path) => ({
    method: 'GET',
    path,
    handle(_req, res) {
      const html = pages[path];
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(html),
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'x-content-type-options': 'nosniff',
      });
      res.end(html);
    },
  }));
}

// Slack mrkdwn: escaping, the reply markdown subset turned into mrkdwn, links, and cutting text to
// Slack's limits without breaking an entity or a link.
// Follows https://docs.slack.dev/messaging/formatting-message-text (escaping `&`, `<`, `>`).

/** Escapes `&`, `<` and `>` so text can never form a mention (`<!channel>`), a link or a user reference. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The reply markdown subset (`**bold**`, `- ` bullets) as escaped Slack mrkdwn. */
export function toMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown)
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(/^(\s*)- /gm, '$1• ');
}

/** A link as `<url|label>`; the URL cannot close the link early and the label is escaped. */
export function toSlackLink(url: string, label: string): string {
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, '¦');
  return `<${safeUrl}|${safeLabel}>`;
}

/** Cuts `text` to at most `max` characters, ending with `…` when cut; never inside an entity or a link. */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeCut(text, max - 1)).trimEnd()}…`;
}

/** Splits mrkdwn into chunks of at most `max` characters, at line breaks where possible. */
export function splitMrkdwn(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.trim() !== '') chunks.push(current.trimEnd());
    current = '';
  };
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > max) {
      const cut = safeCut(rest, max);
      chunks.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    current = rest;
  }
  flush();
  return chunks;
}

/** The largest cut position ≤ `max` that is not inside `<…>` or `&…;`, preferring a space. */
function safeCut(text: string, max: number): number {
  let cut = max;
  const open = text.lastIndexOf('<', cut - 1);
  if (open > text.lastIndexOf('>', cut - 1) && open > 0) cut = open;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > cut - 6 && !text.slice(amp, cut).includes(';')) cut = amp;
  const space = text.lastIndexOf(' ', cut);
  const insideLink = text.lastIndexOf('<', space) > text.lastIndexOf('>', space);
  if (space > max * 0.6 && !insideLink) cut = space;
  return Math.max(cut, 1);
}

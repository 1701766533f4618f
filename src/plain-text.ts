// The plain-text form of every reply: used by the terminal, as the notification text on Slack and Teams,
// and by clients that cannot show cards.
import { assertNever, type DatedItem, type FollowUp, type Reply, type ReplyItem, type ReplyLink } from './reply.js';
import { t } from './texts.js';

/** Removes the markdown subset (`**bold**`) that reply bodies may use. */
export function stripMarkdown(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1');
}

function linkLines(links: readonly ReplyLink[]): string[] {
  // A label that ends in its own mark (`… partnerships?`) takes no colon after it.
  return links.map((link) => `- ${link.label}${/[.!?:]$/.test(link.label) ? '' : ':'} ${link.url}`);
}

function itemLines(items: readonly ReplyItem[], numbered: boolean): string[] {
  return items.map((item, i) => `${numbered ? `${i + 1}.` : '-'} ${item.title}${item.summary ? ` — ${item.summary}` : ''}`);
}

function datedLines(items: readonly DatedItem[]): string[] {
  return items.flatMap((item) => [
    `- ${item.title}: ${item.due}, ${item.left}`,
    ...item.notes.map((note) => `  ${stripMarkdown(note)}`),
    ...(item.notices ? [`  ${item.notices}`] : []),
  ]);
}

function optionLines(options: readonly FollowUp[]): string[] {
  return options.map((option) => `- ${option.label}`);
}

function section(heading: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : ['', heading, ...lines];
}

/** The reply as plain text, in the reply's language. */
export function toPlainText(reply: Reply): string {
  const en = reply.lang === 'en';
  let lines: string[];
  switch (reply.kind) {
    case 'answer':
      lines = [
        ...(reply.lead ? [reply.lead] : []),
        reply.title,
        '',
        stripMarkdown(reply.body),
        ...section(`${t(reply.lang, 'labelSince')}:`, reply.notes.map((note) => `- ${stripMarkdown(note)}`)),
        ...section(`${t(reply.lang, 'labelLinks')}:`, linkLines(reply.links)),
        ...section(en ? 'See also:' : 'Zie ook:', optionLines(reply.followUps)),
      ];
      break;
    case 'suggestions':
    case 'not-found':
      lines = [reply.text, ...optionLines(reply.options)];
      break;
    case 'help':
      lines = [reply.title, '', stripMarkdown(reply.body), ...section(en ? 'Try:' : 'Probeer:', optionLines(reply.examples))];
      break;
    case 'roadmap':
      lines = [reply.title, reply.intro, '', ...itemLines(reply.phases, true)];
      break;
    case 'phase':
      lines = [
        `${reply.title} (${reply.position}/${reply.total})`,
        reply.summary,
        '',
        ...(reply.groups
          ? reply.groups.flatMap((group, i) => [...(i > 0 ? [''] : []), `${group.title}:`, ...itemLines(group.items, false)])
          : itemLines(reply.steps, false)),
        ...section(en ? 'Also:' : 'Verder:', optionLines(reply.followUps)),
      ];
      break;
    case 'tools':
      lines = [reply.title, reply.intro, '', ...itemLines(reply.tools, false)];
      break;
    case 'message':
    case 'smalltalk':
      lines = [stripMarkdown(reply.text), ...section(en ? 'Try:' : 'Probeer:', optionLines(reply.followUps))];
      break;
    case 'out-of-scope':
      lines = [
        stripMarkdown(reply.text),
        ...section(en ? 'Links:' : 'Links:', linkLines(reply.links)),
        ...section(en ? 'Try:' : 'Probeer:', optionLines(reply.followUps)),
      ];
      break;
    case 'deadlines':
      lines = [reply.title, stripMarkdown(reply.intro), '', ...datedLines(reply.items), '', stripMarkdown(reply.subscription)];
      break;
    case 'project':
      lines = [reply.title, reply.period, '', ...(reply.intro ? [stripMarkdown(reply.intro), ''] : []), ...datedLines(reply.milestones), '', stripMarkdown(reply.subscription)];
      break;
    case 'notice':
      lines = [
        reply.title,
        reply.due,
        ...(reply.late ? [reply.late] : []),
        '',
        stripMarkdown(reply.body),
        ...reply.notes.map((note) => `- ${stripMarkdown(note)}`),
        ...section(`${t(reply.lang, 'labelLinks')}:`, linkLines(reply.links)),
      ];
      break;
    case 'distance':
      lines = [
        reply.title,
        '',
        stripMarkdown(reply.body),
        ...(reply.notes.length === 0 ? [] : ['', ...reply.notes.map(stripMarkdown)]),
        ...section(`${t(reply.lang, 'labelLinks')}:`, linkLines(reply.links)),
        ...section(en ? 'Did you mean another place?' : 'Bedoel je een andere plaats?', optionLines(reply.alternatives)),
        '',
        `${en ? 'Amounts' : 'Bedragen'}: ${reply.source}`,
        reply.attribution,
      ];
      break;
    case 'feedback-ack':
      lines = [reply.text];
      break;
    case 'report':
      lines = [reply.title, stripMarkdown(reply.intro), ...reply.sections.flatMap((part) => ['', part.title, stripMarkdown(part.body)])];
      break;
    default:
      return assertNever(reply);
  }
  return lines.join('\n').trim();
}

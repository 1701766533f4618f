// The Adaptive Card 1.5 elements the Teams renderer uses, and the conversion of the reply markdown subset
// (`**bold**`, `- ` bullets, line breaks) into TextBlocks with Teams markdown: list items are separated
// by `\r`, paragraphs by `\n\n`. A TextBlock always reads markdown, so every other markup character is
// escaped (CommonMark backslash escapes): text a user typed (a place, a project name, a question) can
// never become a link, a heading or a list.
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format
// https://adaptivecards.io/explorer/

/** The Adaptive Card schema version Teams renders on desktop, web and mobile. */
export const TEAMS_CARD_VERSION = '1.5';
export const TEAMS_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Most actions one action collection shows before the host hides the rest. */
export const TEAMS_MAX_ACTIONS = 5;
/** Longest button title; Teams cuts longer ones mid-word. */
const TEAMS_MAX_BUTTON_TITLE = 80;

export interface TeamsSubmitAction {
  type: 'Action.Submit';
  title: string;
  /** Comes back as `activity.value`; `action` is the core's stable action id. */
  data: { action: string };
}

export interface TeamsOpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type TeamsCardAction = TeamsSubmitAction | TeamsOpenUrlAction;

export interface TeamsTextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  weight?: 'Default' | 'Bolder';
  isSubtle?: boolean;
  style?: 'default' | 'heading';
  spacing?: 'None' | 'Small' | 'Default' | 'Medium';
  separator?: boolean;
}

export interface TeamsActionSet {
  type: 'ActionSet';
  actions: TeamsCardAction[];
}

export interface TeamsContainer {
  type: 'Container';
  items: TeamsCardElement[];
  selectAction?: TeamsSubmitAction;
  separator?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium';
}

export type TeamsCardElement = TeamsTextBlock | TeamsActionSet | TeamsContainer;

/** An Adaptive Card as Teams takes it in a message attachment. */
export interface TeamsAdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: typeof TEAMS_CARD_VERSION;
  /** Shown by clients that cannot render this card version; may be read as markdown. */
  fallbackText: string;
  body: TeamsCardElement[];
  actions?: TeamsCardAction[];
  msteams?: { width: 'Full' };
}

/** A message attachment that holds an Adaptive Card. */
export interface TeamsAttachment {
  contentType: typeof TEAMS_CARD_CONTENT_TYPE;
  content: TeamsAdaptiveCard;
}

/** Shortens a button title on a word boundary. */
function toButtonTitle(label: string): string {
  const clean = label.replace(/\s+/g, ' ').trim();
  if (clean.length <= TEAMS_MAX_BUTTON_TITLE) return clean;
  const cut = clean.slice(0, TEAMS_MAX_BUTTON_TITLE - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > TEAMS_MAX_BUTTON_TITLE / 2 ? cut.slice(0, space) : cut}…`;
}

export function submitAction(label: string, action: string): TeamsSubmitAction {
  return { type: 'Action.Submit', title: toButtonTitle(label), data: { action } };
}

export function openUrlAction(label: string, url: string): TeamsOpenUrlAction {
  return { type: 'Action.OpenUrl', title: toButtonTitle(label), url };
}

type TextStyle = Omit<TeamsTextBlock, 'type' | 'text' | 'wrap'>;

/** Markdown characters that can make markup anywhere in a line. */
const INLINE_MARKUP = /[\\`*_[\]<>~|]/g;
/** At the start of a line: a heading, a quote or a list item. */
const LINE_MARKUP = /^(\s*)([#>+-]|\d+[.)])/gm;
/** The same two, for a test without the global flag's state. */
const INLINE_MARKUP_TEST = new RegExp(INLINE_MARKUP.source);
const LINE_MARKUP_TEST = new RegExp(LINE_MARKUP.source, 'm');

/** Plain text as Teams markdown that shows exactly that text. */
export function escapeTeamsMarkdown(text: string): string {
  const inline = INLINE_MARKUP_TEST.test(text) ? text.replace(INLINE_MARKUP, '\\$&') : text;
  return LINE_MARKUP_TEST.test(inline) ? inline.replace(LINE_MARKUP, (_whole, space: string, marker: string) => `${space}${marker.replace(/[#>+\-.)]/, '\\$&')}`) : inline;
}

/** One line of the reply subset: `**bold**` kept, everything else escaped. */
function inlineMarkdown(line: string): string {
  return line
    .split(/\*\*(.+?)\*\*/)
    .map((part, i) => (i % 2 === 1 ? `**${escapeTeamsMarkdown(part)}**` : escapeTeamsMarkdown(part)))
    .join('');
}

/** A TextBlock that shows `text` as it is. */
export function textBlock(text: string, style: TextStyle = {}): TeamsTextBlock {
  return { type: 'TextBlock', text: escapeTeamsMarkdown(text), wrap: true, ...style };
}

/** A TextBlock of one line in the reply subset (`**bold**` kept). */
export function inlineBlock(text: string, style: TextStyle = {}): TeamsTextBlock {
  return { type: 'TextBlock', text: inlineMarkdown(text.replace(/\s*\n\s*/g, ' ')), wrap: true, ...style };
}

/** A TextBlock of one bold line. */
export function boldBlock(text: string, style: TextStyle = {}): TeamsTextBlock {
  return { type: 'TextBlock', text: `**${escapeTeamsMarkdown(text)}**`, wrap: true, ...style };
}

export function heading(text: string): TeamsTextBlock {
  return textBlock(text, { size: 'Medium', weight: 'Bolder', style: 'heading' });
}

/** Action sets of at most `TEAMS_MAX_ACTIONS` each, so that no action is hidden. */
export function actionSets(actions: readonly TeamsCardAction[]): TeamsActionSet[] {
  const sets: TeamsActionSet[] = [];
  for (let i = 0; i < actions.length; i += TEAMS_MAX_ACTIONS) {
    sets.push({ type: 'ActionSet', actions: actions.slice(i, i + TEAMS_MAX_ACTIONS) });
  }
  return sets;
}

const BULLET = /^\s*[-*•]\s+/;

/**
 * The reply markdown as TextBlocks: each run of `- ` bullets becomes one Teams list (items joined by
 * `\r`), the lines between them one block of paragraphs (joined by `\n\n`). `**bold**` passes through;
 * any other markup is escaped.
 */
export function markdownBlocks(markdown: string): TeamsTextBlock[] {
  const blocks: TeamsTextBlock[] = [];
  let run: string[] = [];
  let runIsList = false;
  const flush = (): void => {
    if (run.length > 0) blocks.push({ type: 'TextBlock', text: runIsList ? run.join('\r') : run.join('\n\n'), wrap: true });
    run = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const isList = BULLET.test(line);
    if (isList !== runIsList) {
      flush();
      runIsList = isList;
    }
    run.push(isList ? `- ${inlineMarkdown(line.replace(BULLET, ''))}` : inlineMarkdown(line));
  }
  flush();
  return blocks;
}

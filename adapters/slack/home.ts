// The App Home tab: how to use the bot on Slack, the roadmap phases (a click answers in the DM) and quick
// links to the roadmap's tools, with a switch between Dutch and English. Published on app_home_opened.
// https://docs.slack.dev/surfaces/app-home · https://docs.slack.dev/reference/methods/views.publish
import type { types } from '@slack/bolt';
import type { Lang } from '../../src/knowledge/schema.js';
import type { HelpReply, ReplyLink, RoadmapReply, ToolsReply } from '../../src/reply.js';
import { escapeMrkdwn, toMrkdwn, toSlackLink } from './mrkdwn.js';
import { fitBlocks, SlackBlockBuilder } from './render.js';

export type SlackHomeView = types.HomeView;

/** A Home tab holds at most 100 blocks. */
export const SLACK_HOME_MAX_BLOCKS = 100;
/** action_id of the language switch; its value is the language to show. */
export const SLACK_HOME_LANG_ACTION = 'erasmus-home:lang';
/** Most quick links on the Home tab. */
const MAX_QUICK_LINKS = 12;

const TEXTS = {
  nl: {
    howTitle: 'Zo vraag je het in Slack',
    how: '• Stuur me een direct bericht met je vraag.\n• Noem me in een kanaal (`@Erasmus mbo`): ik antwoord in een thread onder je vraag.\n• Typ `/erasmus <vraag>`, `/erasmus roadmap`, `/erasmus tools` of `/erasmus help`; alleen jij ziet het antwoord.',
    links: 'Snelle links',
    open: 'Bekijk',
    other: 'English',
  },
  en: {
    howTitle: 'How to ask on Slack',
    how: '• Send me a direct message with your question.\n• Mention me in a channel (`@Erasmus mbo`): I answer in a thread under your question.\n• Type `/erasmus <question>`, `/erasmus roadmap`, `/erasmus tools` or `/erasmus help`; only you see the answer.',
    links: 'Quick links',
    open: 'Open',
    other: 'Nederlands',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export interface SlackHomeContent {
  lang: Lang;
  help: HelpReply;
  roadmap: RoadmapReply;
  tools: ToolsReply;
}

function quickLinks(tools: ToolsReply): ReplyLink[] {
  const seen = new Set<string>();
  const links: ReplyLink[] = [];
  for (const link of tools.tools.flatMap((tool) => tool.links)) {
    if (seen.has(link.url)) continue;
    seen.add(link.url);
    links.push(link);
  }
  return links.slice(0, MAX_QUICK_LINKS);
}

/** The Home tab view for `views.publish`. */
export function renderSlackHome(content: SlackHomeContent): SlackHomeView {
  const { lang, help, roadmap, tools } = content;
  const texts = TEXTS[lang];
  const b = new SlackBlockBuilder(lang);
  b.header(help.title);
  b.section(toMrkdwn(help.body));
  b.section(`*${texts.howTitle}*\n${escapeMrkdwn(texts.how)}`);
  b.blocks.push({
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: SLACK_HOME_LANG_ACTION,
        text: { type: 'plain_text', text: texts.other },
        value: lang === 'nl' ? 'en' : 'nl',
      },
    ],
  });
  b.divider();
  b.header(roadmap.title);
  if (roadmap.intro) b.section(toMrkdwn(roadmap.intro));
  roadmap.phases.forEach((phase, i) => {
    const summary = phase.summary ? `\n${toMrkdwn(phase.summary)}` : '';
    b.section(`*${i + 1}. ${escapeMrkdwn(phase.title)}*${summary}`, b.button({ label: texts.open, action: phase.action }));
  });
  const links = quickLinks(tools);
  if (links.length > 0) {
    b.divider();
    b.header(texts.links);
    b.section(links.map((link) => `• ${toSlackLink(link.url, link.label)}`).join('\n'));
  }
  return { type: 'home', blocks: fitBlocks(b.blocks, lang, SLACK_HOME_MAX_BLOCKS) };
}

// The App Home tab: the core's overview rendered as a Home view — what the bot does, how to ask on
// Slack, the roadmap phases (a click answers in the DM) and quick links, with a switch between Dutch and
// English. Published on app_home_opened. https://docs.slack.dev/surfaces/app-home · /reference/methods/views.publish
import type { types } from '@slack/bolt';
import type { Overview } from '../../src/overview.js';
import { toMrkdwn } from './mrkdwn.js';
import { fitBlocks, linkList, SlackBlockBuilder } from './render.js';

/** A Home tab holds at most 100 blocks. */
export const SLACK_HOME_MAX_BLOCKS = 100;
/** action_id of the language switch; its value is the language to show. */
export const SLACK_HOME_LANG_ACTION = 'erasmus-home:lang';

/** The Home tab view for `views.publish`. */
export function renderSlackHome(overview: Overview): types.HomeView {
  const { lang, help, usage, roadmap, links } = overview;
  const b = new SlackBlockBuilder(lang);
  b.header(help.title);
  b.section(toMrkdwn(help.body));
  b.section(`*${toMrkdwn(usage.title)}*\n${toMrkdwn(usage.body)}`);
  b.blocks.push({
    type: 'actions',
    elements: [{ type: 'button', action_id: SLACK_HOME_LANG_ACTION, text: { type: 'plain_text', text: overview.switchLang.label }, value: overview.switchLang.lang }],
  });
  b.divider();
  b.header(roadmap.title);
  if (roadmap.intro) b.section(toMrkdwn(roadmap.intro));
  b.itemList(roadmap.phases, { numbered: true, open: overview.open, limit: SLACK_HOME_MAX_BLOCKS });
  if (links.items.length > 0) {
    b.divider();
    b.header(links.title);
    b.section(linkList(links.items));
  }
  return { type: 'home', blocks: fitBlocks(b.blocks, lang, SLACK_HOME_MAX_BLOCKS) };
}

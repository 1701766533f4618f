// The overview a chat surface shows as its home (Slack's App Home tab): what the bot does, how to ask,
// the roadmap's phases and quick links to its tools, with the words around them. Made here so that the
// surface only renders it.
import type { Lang } from './knowledge/schema.js';
import { helpReply, roadmapReply, toolsReply, type Presenter } from './present.js';
import type { HelpReply, ReplyLink, RoadmapReply } from './reply.js';
import { createTexts, t } from './texts.js';

/** Most quick links in an overview. */
const MAX_QUICK_LINKS = 12;

const TEXTS = {
  usageTitle: { nl: 'Zo vraag je het in Slack', en: 'How to ask on Slack' },
  usage: {
    nl: '- Stuur me een direct bericht met je vraag.\n- Noem me in een kanaal (`@Erasmus mbo`): ik antwoord in een thread onder je vraag.\n- Typ `/erasmus <vraag>`, `/erasmus roadmap`, `/erasmus tools` of `/erasmus help`; alleen jij ziet het antwoord.',
    en: '- Send me a direct message with your question.\n- Mention me in a channel (`@Erasmus mbo`): I answer in a thread under your question.\n- Type `/erasmus <question>`, `/erasmus roadmap`, `/erasmus tools` or `/erasmus help`; only you see the answer.',
  },
  linksTitle: { nl: 'Snelle links', en: 'Quick links' },
  /** The name of the other language, in that language: what a language switch says. */
  otherLang: { nl: 'English', en: 'Nederlands' },
} as const satisfies Record<string, Record<Lang, string>>;

const ot = createTexts(TEXTS);

/** The home view of the bot in one language. */
export interface Overview {
  lang: Lang;
  help: HelpReply;
  /** How to ask (small markdown subset). */
  usage: { title: string; body: string };
  roadmap: RoadmapReply;
  /** The roadmap's tool links, each address once. */
  links: { title: string; items: ReplyLink[] };
  /** The label of the buttons that open a phase. */
  open: string;
  /** A switch to the other language: its label and the language it shows. */
  switchLang: { label: string; lang: Lang };
}

function quickLinks(presenter: Presenter, lang: Lang): ReplyLink[] {
  const byUrl = new Map<string, ReplyLink>();
  for (const link of toolsReply(presenter, lang).tools.flatMap((tool) => tool.links)) if (!byUrl.has(link.url)) byUrl.set(link.url, link);
  return [...byUrl.values()].slice(0, MAX_QUICK_LINKS);
}

/** The overview in `lang`. */
export function overviewFor(presenter: Presenter, lang: Lang): Overview {
  return {
    lang,
    help: helpReply(presenter, lang, { platform: 'slack', feedback: false }),
    usage: { title: ot(lang, 'usageTitle'), body: ot(lang, 'usage') },
    roadmap: roadmapReply(presenter, lang),
    links: { title: ot(lang, 'linksTitle'), items: quickLinks(presenter, lang) },
    open: t(lang, 'labelOpen'),
    switchLang: { label: ot(lang, 'otherLang'), lang: lang === 'nl' ? 'en' : 'nl' },
  };
}

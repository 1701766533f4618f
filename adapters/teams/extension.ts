// The search-based message extension (`composeExtension/query`): the core's search hits as a result list;
// picking one inserts its answer card into the message. The cards carry no Submit buttons, because the bot
// need not be a member of the conversation they are posted in. A query the core would not search (too long)
// gets its notice as a message in the pop-up.
// https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/search-commands/respond-to-search
import type { SearchResults } from '../../src/search.js';
import { TEAMS_CARD_CONTENT_TYPE, type TeamsAdaptiveCard } from './card.js';
import { renderTeamsMessage } from './render.js';

interface TeamsSearchResult {
  contentType: typeof TEAMS_CARD_CONTENT_TYPE;
  content: TeamsAdaptiveCard;
  /** The line in the result list; a thumbnail card's title and text are plain text. */
  preview: { contentType: 'application/vnd.microsoft.card.thumbnail'; content: { title: string; text: string } };
}

/** The invoke response body for `composeExtension/query` with results. */
export interface TeamsSearchResponse {
  composeExtension: { type: 'result'; attachmentLayout: 'list'; attachments: TeamsSearchResult[] };
}

/** The body when there are no results to list but a line to show. */
interface TeamsSearchMessage {
  composeExtension: { type: 'message'; text: string };
}

/** The thumbnail preview reads a few HTML entities; user text must not form any. */
const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Renders the core's search results as the extension's answer. */
export function renderTeamsSearch(results: SearchResults): TeamsSearchResponse | TeamsSearchMessage {
  if (results.notice !== undefined) return { composeExtension: { type: 'message', text: results.notice } };
  const attachments = results.hits.map(
    (hit): TeamsSearchResult => ({
      contentType: TEAMS_CARD_CONTENT_TYPE,
      content: renderTeamsMessage(hit.reply, { interactive: false }).attachments[0].content,
      preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: escapeHtml(hit.title), text: escapeHtml(hit.summary) } },
    }),
  );
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}

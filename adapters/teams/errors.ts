// What a failed Bot Connector call means, in one table: its code, a line for the log, and what a notice
// should do about it. 401 is the bot's own credentials; 403 is this conversation refusing the bot (it was
// removed, blocked by the user or turned off by an admin), so the conversation is gone for notices.
// https://learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability#status-codes-from-bot-conversational-apis
import { isRestError } from '@azure/core-rest-pipeline';
import { CodedError, isCodedError } from '../../src/errors.js';
import type { DeliveryResult } from '../../src/notices/delivery.js';

type TeamsErrorCode =
  | 'TEAMS_CONNECTOR_UNAUTHORIZED'
  | 'TEAMS_CONVERSATION_FORBIDDEN'
  | 'TEAMS_CONVERSATION_NOT_FOUND'
  | 'TEAMS_THROTTLED'
  | 'TEAMS_CONNECTOR_UNAVAILABLE'
  | 'TEAMS_CONNECTOR_TIMEOUT'
  | 'TEAMS_CONNECTOR_UNREACHABLE'
  | 'TEAMS_CONNECTOR_REJECTED'
  | 'TEAMS_SERVICE_URL_REFUSED';

const MEANINGS: Record<TeamsErrorCode, { hint: string; notice: DeliveryResult['status'] }> = {
  TEAMS_CONNECTOR_UNAUTHORIZED: {
    hint: "the Bot Connector refused the bot's token: check MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId",
    notice: 'failed',
  },
  TEAMS_CONVERSATION_FORBIDDEN: { hint: 'the bot may no longer post in this conversation (removed, blocked or turned off by an admin)', notice: 'gone' },
  TEAMS_CONVERSATION_NOT_FOUND: { hint: 'the conversation is gone or the app was removed from it', notice: 'gone' },
  TEAMS_THROTTLED: { hint: 'Teams throttled the bot and the retries did not help', notice: 'retry' },
  TEAMS_CONNECTOR_UNAVAILABLE: { hint: 'the Bot Connector kept failing after retries', notice: 'retry' },
  TEAMS_CONNECTOR_TIMEOUT: { hint: 'the Bot Connector did not answer in time', notice: 'retry' },
  TEAMS_CONNECTOR_UNREACHABLE: { hint: 'the Bot Connector could not be reached', notice: 'retry' },
  TEAMS_CONNECTOR_REJECTED: { hint: 'the Bot Connector rejected the call', notice: 'failed' },
  TEAMS_SERVICE_URL_REFUSED: { hint: 'without MicrosoftAppId replies go only to a loopback serviceUrl', notice: 'failed' },
};

function codeFor(status: number | undefined): TeamsErrorCode {
  if (status === undefined) return 'TEAMS_CONNECTOR_UNREACHABLE';
  if (status === 401) return 'TEAMS_CONNECTOR_UNAUTHORIZED';
  if (status === 403) return 'TEAMS_CONVERSATION_FORBIDDEN';
  if (status === 404) return 'TEAMS_CONVERSATION_NOT_FOUND';
  if (status === 408 || status === 429) return 'TEAMS_THROTTLED';
  if (status >= 500) return 'TEAMS_CONNECTOR_UNAVAILABLE';
  return 'TEAMS_CONNECTOR_REJECTED';
}

/**
 * A failed connector call as a `CodedError` with `details.status`; undefined for errors that are not
 * the connector's (a bug in a turn). A time limit that ran out (AbortError) is TEAMS_CONNECTOR_TIMEOUT.
 */
export function toTeamsError(error: unknown): CodedError | undefined {
  if (isCodedError(error) && error.code in MEANINGS) return error;
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return new CodedError('TEAMS_CONNECTOR_TIMEOUT', MEANINGS.TEAMS_CONNECTOR_TIMEOUT.hint, { cause: error });
  }
  if (!isRestError(error)) return undefined;
  const status = error.statusCode;
  const code = codeFor(status);
  const reason = error.code ? ` (${error.code})` : '';
  return new CodedError(code, `${MEANINGS[code].hint}${reason}`, { cause: error, ...(status === undefined ? {} : { details: { status } }) });
}

/** What a failed proactive send means for a notice: the conversation is gone, try again later, or it cannot work. */
export function toTeamsDeliveryResult(error: unknown): DeliveryResult {
  const mapped = toTeamsError(error);
  if (!mapped) return { status: 'retry', error: `TEAMS_SEND_FAILED: ${error instanceof Error ? error.message : String(error)}` };
  const status = mapped.details.status;
  const message = `${mapped.code}${typeof status === 'number' ? ` (HTTP ${status})` : ''}`;
  const notice = MEANINGS[mapped.code as TeamsErrorCode].notice;
  return notice === 'gone' ? { status: 'gone', reason: message } : notice === 'retry' ? { status: 'retry', error: message } : { status: 'failed', error: message };
}

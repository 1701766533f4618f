// The one table of what a failed Bot Connector call means: real RestErrors as the SDK throws them, the
// time limits' AbortError, and what each means for a notice. 403 is the conversation refusing the bot.
import { RestError } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../../src/errors.js';
import { toTeamsDeliveryResult, toTeamsError } from '../../../adapters/teams/errors.js';

const restError = (statusCode: number | undefined, code?: string): RestError => new RestError('connector said no', { ...(statusCode === undefined ? {} : { statusCode }), ...(code ? { code } : {}) });

describe('toTeamsError', () => {
  it.each([
    [401, 'TEAMS_CONNECTOR_UNAUTHORIZED', 'failed'],
    [403, 'TEAMS_CONVERSATION_FORBIDDEN', 'gone'],
    [404, 'TEAMS_CONVERSATION_NOT_FOUND', 'gone'],
    [408, 'TEAMS_THROTTLED', 'retry'],
    [429, 'TEAMS_THROTTLED', 'retry'],
    [502, 'TEAMS_CONNECTOR_UNAVAILABLE', 'retry'],
    [503, 'TEAMS_CONNECTOR_UNAVAILABLE', 'retry'],
    [400, 'TEAMS_CONNECTOR_REJECTED', 'failed'],
    [undefined, 'TEAMS_CONNECTOR_UNREACHABLE', 'retry'],
  ])('HTTP %s → %s, a notice is %s', (status, code, notice) => {
    const mapped = toTeamsError(restError(status, status === undefined ? 'ECONNREFUSED' : undefined));
    expect(mapped).toBeInstanceOf(CodedError);
    expect(mapped?.code).toBe(code);
    expect(mapped?.details.status).toBe(status);
    expect(toTeamsDeliveryResult(restError(status)).status).toBe(notice);
  });

  it('reads a time limit that ran out as a timeout, to be retried', () => {
    const aborted = new Error('The operation was aborted.');
    aborted.name = 'AbortError';
    expect(toTeamsError(aborted)?.code).toBe('TEAMS_CONNECTOR_TIMEOUT');
    expect(toTeamsDeliveryResult(aborted).status).toBe('retry');
  });

  it('leaves errors that are not the connector\'s alone, and keeps a mapped error as it is', () => {
    expect(toTeamsError(new TypeError('bug'))).toBeUndefined();
    const mapped = toTeamsError(restError(404));
    expect(toTeamsError(mapped)).toBe(mapped);
    expect(toTeamsDeliveryResult(mapped).status).toBe('gone');
  });
});

import { describe, expect, it } from 'vitest';
import { CodedError, isCodedError } from '../src/errors.js';

describe('CodedError', () => {
  it('carries its code, message, cause and details', () => {
    const cause = new Error('socket hang up');
    const error = new CodedError('SLACK_RATE_LIMITED', 'Slack asked us to wait', { cause, details: { retryAfterSeconds: 120 } });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('SLACK_RATE_LIMITED');
    expect(error.message).toBe('Slack asked us to wait');
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({ retryAfterSeconds: 120 });
  });

  it('is told apart from other errors, by code when codes are given', () => {
    const error = new CodedError('BODY_TOO_LARGE', 'Request body too large');
    expect(isCodedError(error)).toBe(true);
    expect(isCodedError(error, 'BODY_TOO_LARGE', 'OTHER')).toBe(true);
    expect(isCodedError(error, 'OTHER')).toBe(false);
    expect(isCodedError(Object.assign(new Error('x'), { code: 'BODY_TOO_LARGE' }))).toBe(false);
    expect(isCodedError('BODY_TOO_LARGE')).toBe(false);
  });
});

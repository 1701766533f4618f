// One coded error type for the whole service, after bolt-js's errors.ts: a stable SCREAMING_SNAKE
// `code` that callers branch on, a message for people, and the underlying cause.

/** An error with a stable code; `details` carries what a handler needs (an HTTP status, a Retry-After). */
export class CodedError extends Error {
  override readonly name = 'CodedError';

  constructor(
    readonly code: string,
    message: string,
    options: { cause?: unknown; details?: Readonly<Record<string, unknown>> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.details = options.details ?? {};
  }

  readonly details: Readonly<Record<string, unknown>>;
}

/** True for a `CodedError`, optionally with one of the given codes. */
export function isCodedError(error: unknown, ...codes: readonly string[]): error is CodedError {
  return error instanceof CodedError && (codes.length === 0 || codes.includes(error.code));
}

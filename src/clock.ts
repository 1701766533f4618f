// The time as the project sees it. Injected everywhere, so that tests run on a fake clock and
// `npm run notices -- --at <time>` can look at any moment.

export interface Clock {
  now(): Date;
}

/** The real time. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that always says `at`. */
export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}

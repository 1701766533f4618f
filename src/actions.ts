// Stable action ids carried by follow-up buttons: `entry:<id>`, `phase:<id>`, `cmd:<command>`.
// Skills may define their own prefixes (e.g. `distance:`); those parse as `other`.

export type Action =
  | { type: 'entry'; id: string }
  | { type: 'phase'; id: string }
  | { type: 'command'; command: string }
  | { type: 'other'; value: string };

/** The action id of a button that opens an entry. */
export const entryAction = (id: string): string => `entry:${id}`;
/** The action id of a button that opens a phase. */
export const phaseAction = (id: string): string => `phase:${id}`;
/** The action id of a button that runs a command. */
export const commandAction = (command: string): string => `cmd:${command}`;

/** Parses an action id; anything unknown is returned as `other` for the skills. */
export function parseAction(value: string): Action {
  const match = /^(entry|phase|cmd):([a-z0-9-]{1,100})$/.exec(value);
  if (!match) return { type: 'other', value };
  const [, prefix = '', id = ''] = match;
  if (prefix === 'entry') return { type: 'entry', id };
  if (prefix === 'phase') return { type: 'phase', id };
  return { type: 'command', command: id };
}

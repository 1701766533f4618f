// Stable action ids carried by follow-up buttons: `entry:<id>`, `phase:<id>`, `cmd:<command>`, and for a
// long phase one group of its entries, `phase:<id>:<group>`, from an offset on: `phase:<id>:<group>:<offset>`.
// Skills may define their own prefixes (e.g. `distance:`); those parse as `other`.

export type Action =
  | { type: 'entry'; id: string }
  | { type: 'phase'; id: string; group?: string; offset?: number }
  | { type: 'command'; command: string }
  | { type: 'other'; value: string };

/** The action id of a button that opens an entry. */
export const entryAction = (id: string): string => `entry:${id}`;
/** The action id of a button that opens a phase, or one group of its entries from `offset` on. */
export const phaseAction = (id: string, group?: string, offset = 0): string =>
  group === undefined ? `phase:${id}` : offset > 0 ? `phase:${id}:${group}:${offset}` : `phase:${id}:${group}`;
/** The action id of a button that runs a command. */
export const commandAction = (command: string): string => `cmd:${command}`;

/** Parses an action id; anything unknown is returned as `other` for the skills. */
export function parseAction(value: string): Action {
  const group = /^phase:([a-z0-9-]{1,100}):([a-z]{1,20})(?::(\d{1,3}))?$/.exec(value);
  if (group) {
    const [, id = '', name = '', offset] = group;
    return { type: 'phase', id, group: name, ...(offset === undefined ? {} : { offset: Number(offset) }) };
  }
  const match = /^(entry|phase|cmd):([a-z0-9-]{1,100})$/.exec(value);
  if (!match) return { type: 'other', value };
  const [, prefix = '', id = ''] = match;
  if (prefix === 'entry') return { type: 'entry', id };
  if (prefix === 'phase') return { type: 'phase', id };
  return { type: 'command', command: id };
}

// Web addresses of the flyer that have moved. Answers show today's address; the flyer's link stays in the
// entry's `flyerLinks`. The knowledge check refuses a moved address among an entry's shown links.

/** A moved address: every URL that starts with `from` now lives at `to`. */
export interface MovedAddress {
  from: string;
  to: string;
  /** What moved, for the message that names the new address. */
  what: string;
}

/** The moves of the Erasmus+ pages since the 2014–2020 programme. */
export const MOVED_ADDRESSES: readonly MovedAddress[] = [
  {
    from: 'https://ec.europa.eu/programmes/erasmus-plus/resources/programme-guide',
    to: 'https://erasmus-plus.ec.europa.eu/programme-guide/erasmusplus-programme-guide',
    what: 'the Erasmus+ Programme Guide',
  },
  {
    from: 'https://ec.europa.eu/programmes/erasmus-plus/resources/distance-calculator',
    to: 'https://erasmus-plus.ec.europa.eu/resources-and-tools/distance-calculator',
    what: 'the distance calculator',
  },
  { from: 'https://ec.europa.eu/programmes/erasmus-plus/projects', to: 'https://erasmus-plus.ec.europa.eu/projects', what: 'the Project Results Platform' },
  { from: 'https://ec.europa.eu/programmes/erasmus-plus/', to: 'https://erasmus-plus.ec.europa.eu/', what: 'the Erasmus+ website' },
  { from: 'https://www.schooleducationgateway.eu/', to: 'https://school-education.ec.europa.eu/en', what: 'the School Education Gateway (now the European School Education Platform)' },
  { from: 'https://www.etwinning.net/', to: 'https://school-education.ec.europa.eu/en/etwinning', what: 'eTwinning (now on the European School Education Platform)' },
];

/** The move that `url` falls under, or undefined when the address is current. */
export function movedAddress(url: string): MovedAddress | undefined {
  return MOVED_ADDRESSES.find((move) => url.startsWith(move.from));
}

/** A one-off EU Login session captured in the flyer: never a working link. */
export function isLoginSession(url: string): boolean {
  return /\/cas\/login\?loginRequestId=/.test(url);
}

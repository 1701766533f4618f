// The form place names are compared in: lower case, without diacritics, with apostrophes, dots, hyphens
// and brackets read as spaces, so "'s-Hertogenbosch", "s Hertogenbosch" and "’s-Hertogenbosch" meet, and so
// do "Reykjavík" and "Reykjavik".

/** Letters that Unicode decomposition leaves whole. */
const LETTERS: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ı: 'i', þ: 'th', ð: 'd', ħ: 'h' };

const NON_ASCII = /[^\x00-\x7f]/;
const NOT_PLAIN = /[^a-z0-9 ]|^ | $| {2}/;
const SEPARATORS = /[\s'’‘`´ʼ.,\-‐–—_/()"“”]+/g;
const MARKS = /\p{M}/gu;
const WHOLE_LETTERS = /[øæœßłđıþðħ]/g;

/** The comparison key of a place name; empty when nothing is left. */
export function normalizeName(name: string): string {
  let key = name.toLowerCase();
  if (NON_ASCII.test(key)) key = key.normalize('NFD').replace(MARKS, '').replace(WHOLE_LETTERS, (letter) => LETTERS[letter] ?? letter);
  if (NOT_PLAIN.test(key)) key = key.replace(SEPARATORS, ' ').trim();
  return key;
}

const PLAIN_KEY = /^[a-z0-9 ]+$/;

/** Whether a key is written in Latin letters and digits only: the names people type here. */
export function isPlainKey(key: string): boolean {
  return PLAIN_KEY.test(key);
}

/** The comparison key of a name when it is plain (Latin letters, digits, spaces), else the empty string. */
export function toPlainKey(name: string): string {
  let key = name.toLowerCase();
  if (NON_ASCII.test(key)) key = key.normalize('NFD').replace(MARKS, '').replace(WHOLE_LETTERS, (letter) => LETTERS[letter] ?? letter);
  if (!NOT_PLAIN.test(key)) return key;
  key = key.replace(SEPARATORS, ' ').trim();
  return PLAIN_KEY.test(key) ? key : '';
}

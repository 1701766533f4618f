import { describe, expect, it } from 'vitest';
import { createNameIndex } from '../../src/distance/name-index.js';
import { isPlainKey, normalizeName } from '../../src/distance/normalize.js';
import { editDistance } from '../../src/distance/suggest.js';

describe('createNameIndex', () => {
  it('keeps the codes of a key in the order added, without repeating the last', () => {
    const index = createNameIndex(4);
    index.add('oss', 2);
    index.add('oss', 2);
    index.add('oss', 7);
    index.add('ede', 4);
    expect(index.get('oss')).toEqual([2, 7]);
    expect(index.get('ede')).toEqual([4]);
    expect(index.get('os')).toEqual([]);
    expect(index.get('')).toEqual([]);
    expect(index.size).toBe(2);
  });

  it('grows past its expected size and still finds every key', () => {
    const index = createNameIndex(2);
    for (let i = 0; i < 5000; i++) index.add(`place ${i}`, i * 2);
    for (let i = 0; i < 5000; i += 97) expect(index.get(`place ${i}`)).toEqual([i * 2]);
    expect(index.size).toBe(5000);
    const seen: string[] = [];
    index.forEachKey((key, code) => {
      if (code === 0 || code === 9998) seen.push(key);
    });
    expect(seen).toEqual(['place 0', 'place 4999']);
    index.compact();
    expect(index.get('place 4321')).toEqual([8642]);
    index.add('place 4321', 1);
    index.add('new place', 3);
    expect(index.get('place 4321')).toEqual([8642, 1]);
    expect(index.get('new place')).toEqual([3]);
  });

  it('ignores keys that are empty or too long', () => {
    const index = createNameIndex();
    index.add('', 1);
    index.add('x'.repeat(256), 1);
    expect(index.size).toBe(0);
  });
});

describe('normalizeName', () => {
  it.each([
    ["'s-Hertogenbosch", 's hertogenbosch'],
    ['’s-Hertogenbosch', 's hertogenbosch'],
    ['s Hertogenbosch', 's hertogenbosch'],
    ['Reykjavík', 'reykjavik'],
    ['Kraków', 'krakow'],
    ['Łódź', 'lodz'],
    ['Gießen', 'giessen'],
    ['Tromsø', 'tromso'],
    ['  Den   Haag ', 'den haag'],
    ['St. Gallen', 'st gallen'],
    ['Frankfurt (Oder)', 'frankfurt oder'],
  ])('%s → %s', (name, key) => {
    expect(normalizeName(name)).toBe(key);
    expect(isPlainKey(normalizeName(name))).toBe(true);
  });

  it('leaves other scripts as they are, and says so', () => {
    expect(isPlainKey(normalizeName('Москва'))).toBe(false);
  });
});

describe('editDistance', () => {
  it.each([
    ['zwolle', 'zwolle', 0],
    ['zwolel', 'zwolle', 1],
    ['helsinkk', 'helsinki', 1],
    ['amsterdm', 'amsterdam', 1],
    ['hertogenbosch', 's hertogenbosch', 2],
    ['valeta', 'valletta', 2],
  ])('%s ↔ %s = %i', (a, b, distance) => {
    expect(editDistance(a, b, 3)).toBe(distance);
    expect(editDistance(b, a, 3)).toBe(distance);
  });

  it('stops at the limit', () => {
    expect(editDistance('zwolle', 'helsinki', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

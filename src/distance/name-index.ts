// A compact map from normalized place names to places, kept in typed arrays rather than a JS Map of half a
// million string keys: the key bytes in one buffer, an open-addressing hash table, and per key a linked list of
// postings. It holds about a third of the memory of a Map and builds without garbage-collector pressure.

/** Codes are caller-defined non-negative integers (here: row * 2, plus 1 for an alternate name). */
export interface NameIndex {
  /** How many distinct keys. */
  readonly size: number;
  /** Adds `code` under `key` (ASCII, at most 255 characters); a code equal to the key's last one is skipped. */
  add(key: string, code: number): void;
  /** The codes under `key`, in the order added; empty when unknown. */
  get(key: string): number[];
  /** Calls `visit` with each key and its first code. */
  forEachKey(visit: (key: string, firstCode: number) => void): void;
  /** Gives back the room kept for growth; adding still works afterwards. */
  compact(): void;
}

const EMPTY = -1;
const MAX_KEY_LENGTH = 255;

function growInt32(array: Int32Array, needed: number): Int32Array {
  if (needed <= array.length) return array;
  const grown = new Int32Array(Math.max(needed, array.length * 2));
  grown.set(array);
  return grown;
}

function growUint8(array: Uint8Array, needed: number): Uint8Array {
  if (needed <= array.length) return array;
  const grown = new Uint8Array(Math.max(needed, array.length * 2));
  grown.set(array);
  return grown;
}

function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** An empty index sized for about `expectedKeys` keys; it grows past that. */
export function createNameIndex(expectedKeys = 1 << 16): NameIndex {
  let bytes: Uint8Array = new Uint8Array(expectedKeys * 12);
  let byteCount = 0;
  let keyStart: Int32Array = new Int32Array(expectedKeys);
  let keyLength: Uint8Array = new Uint8Array(expectedKeys);
  let head: Int32Array = new Int32Array(expectedKeys);
  let tail: Int32Array = new Int32Array(expectedKeys);
  let keyCount = 0;
  let codes: Int32Array = new Int32Array(expectedKeys * 2);
  let next: Int32Array = new Int32Array(expectedKeys * 2);
  let postingCount = 0;
  let slots: Int32Array = new Int32Array(1 << Math.ceil(Math.log2(expectedKeys * 2))).fill(EMPTY);

  const matches = (key: string, index: number): boolean => {
    if (keyLength[index] !== key.length) return false;
    const start = keyStart[index] ?? 0;
    for (let i = 0; i < key.length; i++) if (bytes[start + i] !== key.charCodeAt(i)) return false;
    return true;
  };

  const slotOf = (key: string): number => {
    const mask = slots.length - 1;
    let slot = hashOf(key) & mask;
    for (;;) {
      const index = slots[slot] ?? EMPTY;
      if (index === EMPTY || matches(key, index)) return slot;
      slot = (slot + 1) & mask;
    }
  };

  const rehash = (): void => {
    const old = slots;
    slots = new Int32Array(old.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (const index of old) {
      if (index === EMPTY) continue;
      let slot = hashOf(keyAt(index)) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = index;
    }
  };

  const keyAt = (index: number): string => {
    const start = keyStart[index] ?? 0;
    return String.fromCharCode(...bytes.subarray(start, start + (keyLength[index] ?? 0)));
  };

  const addPosting = (code: number): number => {
    codes = growInt32(codes, postingCount + 1);
    next = growInt32(next, postingCount + 1);
    codes[postingCount] = code;
    next[postingCount] = EMPTY;
    return postingCount++;
  };

  return {
    get size() {
      return keyCount;
    },
    add(key, code) {
      if (key.length === 0 || key.length > MAX_KEY_LENGTH) return;
      const slot = slotOf(key);
      const found = slots[slot] ?? EMPTY;
      if (found !== EMPTY) {
        const last = tail[found] ?? EMPTY;
        if (codes[last] === code) return;
        const posting = addPosting(code);
        next[last] = posting;
        tail[found] = posting;
        return;
      }
      bytes = growUint8(bytes, byteCount + key.length);
      for (let i = 0; i < key.length; i++) bytes[byteCount + i] = key.charCodeAt(i);
      keyStart = growInt32(keyStart, keyCount + 1);
      keyLength = growUint8(keyLength, keyCount + 1);
      head = growInt32(head, keyCount + 1);
      tail = growInt32(tail, keyCount + 1);
      keyStart[keyCount] = byteCount;
      keyLength[keyCount] = key.length;
      byteCount += key.length;
      const posting = addPosting(code);
      head[keyCount] = posting;
      tail[keyCount] = posting;
      slots[slot] = keyCount++;
      if (keyCount * 2 > slots.length) rehash();
    },
    get(key) {
      const found = key.length === 0 || key.length > MAX_KEY_LENGTH ? EMPTY : (slots[slotOf(key)] ?? EMPTY);
      const result: number[] = [];
      for (let posting = found === EMPTY ? EMPTY : (head[found] ?? EMPTY); posting !== EMPTY; posting = next[posting] ?? EMPTY) {
        result.push(codes[posting] ?? 0);
      }
      return result;
    },
    compact() {
      bytes = bytes.slice(0, byteCount);
      keyStart = keyStart.slice(0, keyCount);
      keyLength = keyLength.slice(0, keyCount);
      head = head.slice(0, keyCount);
      tail = tail.slice(0, keyCount);
      codes = codes.slice(0, postingCount);
      next = next.slice(0, postingCount);
    },
    forEachKey(visit) {
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, byteCount).toString('latin1');
      for (let index = 0; index < keyCount; index++) {
        const start = keyStart[index] ?? 0;
        visit(text.slice(start, start + (keyLength[index] ?? 0)), codes[head[index] ?? 0] ?? 0);
      }
    },
  };
}

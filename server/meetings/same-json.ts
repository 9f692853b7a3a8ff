// Whether two values would be sent as the same JSON, without writing either
// out (issue 14): the v2 publisher asks this of every person's part after every
// command, and stringifying whole parts to compare them cost more than building
// them. Values reached through the same reference are equal at once, so the
// parts of the meeting's context a new part shares with the last one (pauses,
// responses, the outcome) cost nothing. The context is never changed in place
// (XState's `assign` makes a new one), which is what makes that shortcut sound.

const NONE: ReadonlySet<string> = new Set();

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function absent(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Numbers JSON cannot hold are written as null. */
function asWritten(value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/**
 * True exactly when `JSON.stringify(a) === JSON.stringify(b)`, for data without getters or proxies
 * (a value with its own `toJSON`, such as a Date, is compared by its JSON). Throws where
 * JSON.stringify throws (a BigInt), if it gets that far.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (absent(a) || absent(b)) return absent(a) && absent(b);
  return same(a, b);
}

/**
 * `sameJson` for two plain objects (not arrays, no `toJSON` of their own), leaving the keys named in
 * `skip` out of both (a part's stamp, which changes with every command): true exactly when the two,
 * without those keys, would be sent as the same JSON.
 */
export function sameFieldsJson(a: object, b: object, skip: ReadonlySet<string> = NONE): boolean {
  return a === b || sameFields(a as Record<string, unknown>, b as Record<string, unknown>, skip);
}

function same(x: unknown, y: unknown): boolean {
  const a = asWritten(x);
  const b = asWritten(y);
  if (a === b) return true;
  // A Date is written as its string: compared with a string, or another Date, by what is written.
  if (hasToJson(a) || hasToJson(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (!isArray) return sameFields(a as Record<string, unknown>, b as Record<string, unknown>, NONE);
  const left = a as unknown[];
  const right = b as unknown[];
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i++) {
    // In an array a left-out value is written as null.
    const l = absent(left[i]) ? null : left[i];
    const r = absent(right[i]) ? null : right[i];
    if (!same(l, r)) return false;
  }
  return true;
}

/** The keys JSON.stringify writes, in its order (Object.keys'), compared pairwise with their values. */
function sameFields(a: Record<string, unknown>, b: Record<string, unknown>, skip: ReadonlySet<string>): boolean {
  const left = Object.keys(a);
  const right = Object.keys(b);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < left.length && (skip.has(left[i]!) || absent(a[left[i]!]))) i++;
    while (j < right.length && (skip.has(right[j]!) || absent(b[right[j]!]))) j++;
    if (i === left.length || j === right.length) return i === left.length && j === right.length;
    const key = left[i]!;
    if (key !== right[j] || !same(a[key], b[key])) return false;
    i++;
    j++;
  }
}

function hasToJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

// Each value keeps one colour everywhere and at every step, so that who holds what reads at
// a glance (a split vote is a split of colours). The colours are the Okabe-Ito palette
// (style.css, `.val-0` to `.val-6`), told apart with the common colour-vision deficiencies;
// the value's letters are always drawn on them too.

/** The seed's values and the ones the page suggests (X for S1 ... Y for S5), kept apart. */
const SLOTS = { X: 0, Y: 1, Z: 2, W: 3, V: 4 };

/** The colour slot (0..6) of `value`: fixed for the seed's values, else from its letters. */
export function valueSlot(value) {
  if (Object.hasOwn(SLOTS, value)) return SLOTS[value];
  let hash = 0;
  for (const letter of value) hash = (hash * 31 + letter.charCodeAt(0)) % 7;
  return hash;
}

/** A value short enough to sit inside a server's circle: "X", "V6", "fo…". */
export function shortValue(value) {
  return value.length > 3 ? `${value.slice(0, 2)}…` : value;
}

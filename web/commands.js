// Building intervention commands from what people chose in forms. Pure: the page shows the
// error keys these return before anything reaches the core (which checks again).
import { serverLabel } from './format.js';

const VALUE = /^[A-Za-z0-9_]{1,8}$/;

/** `propose S1 X`, or {error} when the value is not 1 to 8 letters, digits or _. */
export function proposeCommand(server, value) {
  const text = String(value ?? '').trim();
  if (!VALUE.test(text)) return { error: 'problem.badValue' };
  return { command: `propose ${serverLabel(server)} ${text}` };
}

/**
 * `partition S1 S2 | S3 S4 S5` from a group per server ({1: 'A', 2: 'A', 3: 'B', ...}).
 * Groups are listed by their lowest server, as the core lists them (so the page's group
 * letters, given in that order, match); a partition needs at least two non-empty groups.
 */
export function partitionCommand(groupByServer) {
  const groups = new Map();
  for (const [server, group] of Object.entries(groupByServer)) {
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(Number(server));
  }
  const ordered = [...groups.values()].map((ids) => ids.sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
  if (ordered.length < 2) return { error: 'problem.oneGroup' };
  return { command: `partition ${ordered.map((ids) => ids.map(serverLabel).join(' ')).join(' | ')}` };
}

/** A value suggestion for a server's proposal: X for S1, Y for S5, as the seed names them. */
export function suggestedValue(server) {
  return { 1: 'X', 2: 'W', 3: 'Z', 4: 'V', 5: 'Y' }[server] ?? `V${server}`;
}

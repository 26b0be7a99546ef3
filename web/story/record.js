// Facts read from the core's record of a run: the event records, the snapshot and the
// outcome that a figure's embed sends back for a `query` (web/embed/embed.js). The story
// names its moments and the answers to its questions as patterns over those records, so a
// question is checked against what the core did, and no protocol rule is worked out here:
// a pattern only says which record to look at and which field of it to read.
//
// A pattern is a partial record: every key it has must be in the record with an equal
// value, or (an object) a value that matches it in turn. `{}` matches any object, not null.

/** Whether `value` matches `pattern` (see above). */
export function matches(value, pattern) {
  if (pattern === null || typeof pattern !== 'object') return value === pattern;
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(pattern).every(([key, expected]) => matches(value[key], expected));
}

/** The first event after step `after` that matches `pattern`, or null. */
export function firstEvent(events, pattern, after = 0) {
  return events.find((event) => event.step > after && matches(event, pattern)) ?? null;
}

/**
 * Reads a dotted path (`message.proposal.value`, `note.promises.length`, `note.adopted.0`)
 * from a record; undefined where the path leads nowhere.
 */
export function read(record, path) {
  let value = record;
  for (const key of path.split('.')) {
    if (value === null || value === undefined) return undefined;
    value = value[key];
  }
  return value;
}

/**
 * The step a moment names: `{at: pattern}` the step of the first matching event,
 * `{before: pattern}` the step before it. Null when the run has no such event (the story
 * then says so rather than stopping somewhere else).
 */
export function momentStep(events, moment) {
  const pattern = moment.at ?? moment.before;
  const event = firstEvent(events, pattern);
  if (!event) return null;
  return moment.at ? event.step : event.step - 1;
}

/**
 * The core's answer to a question, from the record of the whole run: `{answer, step}`,
 * `answer` a string as the options are named, `step` where the reader can see it happen.
 * - `{from: 'event', match, read}`: the field `read` of the first event after the moment
 *   that matches `match`.
 * - `{from: 'outcome', read, absent}`: the field `read` of how the run ends (`absent` when
 *   it has none, e.g. no value chosen), seen at the run's last step.
 * Null answer: the record has no such event (then no option can be right).
 */
export function answerOf(fact, record, momentAt) {
  if (fact.from === 'event') {
    const event = firstEvent(record.events, fact.match, momentAt);
    const value = event ? read(event, fact.read) : undefined;
    return { answer: value === undefined || value === null ? null : String(value), step: event?.step ?? null };
  }
  if (fact.from === 'outcome') {
    const value = read(record.outcome, fact.read);
    return { answer: value === undefined || value === null ? fact.absent ?? null : String(value), step: record.steps };
  }
  throw new Error(`unknown kind of fact ${JSON.stringify(fact.from)}`);
}

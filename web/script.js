// Scenario scripts on the page's side: splitting a script into its settings and its
// commands, and writing settings back as script lines. The settings panel works on these
// plain objects; Rust parses and validates the result (an invalid setting comes back as a
// "scenario script: line L, column C: ..." error, which the panel shows).

export const PROTOCOLS = ['basic-paxos', 'one-phase-first', 'one-phase-highest', 'one-phase-adopt'];

/** The setting keywords, in the order the core writes them. */
export const SETTING_KEYS = [
  'title', 'protocol', 'nodes', 'quorum', 'network', 'delay', 'drop', 'duplicate', 'seed',
  'nacks', 'retry', 'backoff', 'timeout', 'leader', 'amnesia', 'attempts',
];

/** The core's defaults (the settings of the empty script). */
export const DEFAULT_SETTINGS = Object.freeze({
  title: '',
  protocol: 'basic-paxos',
  nodes: 5,
  quorum1: 3,
  quorum2: 3,
  network: 'auto',
  delayMin: 1,
  delayMax: 3,
  drop: 0,
  duplicate: 0,
  seed: 1,
  nacks: true,
  retry: false,
  backoff: 0,
  timeout: 0,
  leader: 'none',
  amnesia: false,
  attempts: 3,
});

const firstWord = (line) => line.split(/\s+/, 1)[0];

/** Three keywords are both settings and commands: `drop 5%` vs `drop #12`, `duplicate 5%`
 *  vs `duplicate #12`, `timeout 12` vs `timeout S1`. The argument tells them apart. */
const AMBIGUOUS = { drop: /^\d+%$/, duplicate: /^\d+%$/, timeout: /^\d+$/ };

function isSetting(word, rest) {
  if (!SETTING_KEYS.includes(word)) return false;
  return AMBIGUOUS[word] ? AMBIGUOUS[word].test(rest) : true;
}

/**
 * Splits a script into setting lines (by keyword) and command lines; comments and blank
 * lines are left out.
 * @returns {{settings: Map<string, string>, commands: string[]}}
 */
export function splitScript(text) {
  const settings = new Map();
  const commands = [];
  for (const raw of String(text).split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const word = firstWord(line);
    const rest = line.slice(word.length).trim();
    if (isSetting(word, rest)) settings.set(word, rest);
    else commands.push(line);
  }
  return { settings, commands };
}

const onOff = (text, fallback) => (text === 'on' ? true : text === 'off' ? false : fallback);

function integer(text, fallback) {
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) ? value : fallback;
}

/** The settings of a script as a plain object (defaults for what it does not say). */
export function settingsFromScript(text) {
  const { settings } = splitScript(text);
  const result = { ...DEFAULT_SETTINGS };
  const get = (key) => settings.get(key);
  if (get('title') !== undefined) result.title = get('title');
  if (get('protocol')) result.protocol = get('protocol');
  result.nodes = integer(get('nodes'), result.nodes);
  if (get('quorum') === undefined) {
    // The core's default quorums are majorities of the cluster.
    result.quorum1 = Math.floor(result.nodes / 2) + 1;
    result.quorum2 = result.quorum1;
  } else {
    const [q1, q2] = get('quorum').split(/\s+/);
    result.quorum1 = integer(q1, result.quorum1);
    result.quorum2 = integer(q2, result.quorum2);
  }
  if (get('network')) result.network = get('network');
  if (get('delay')) {
    const [min, max] = get('delay').split('..');
    result.delayMin = integer(min, result.delayMin);
    result.delayMax = integer(max, result.delayMax);
  }
  result.drop = integer(get('drop'), result.drop);
  result.duplicate = integer(get('duplicate'), result.duplicate);
  result.seed = integer(get('seed'), result.seed);
  result.nacks = onOff(get('nacks'), result.nacks);
  result.retry = onOff(get('retry'), result.retry);
  result.backoff = integer(get('backoff'), result.backoff);
  result.timeout = integer(get('timeout'), result.timeout);
  if (get('leader')) result.leader = get('leader');
  result.amnesia = onOff(get('amnesia'), result.amnesia);
  result.attempts = integer(get('attempts'), result.attempts);
  return result;
}

const flag = (value) => (value ? 'on' : 'off');

/** Script text for `settings` followed by `commands` (lines), in the core's order. */
export function scriptFromSettings(settings, commands = []) {
  const s = { ...DEFAULT_SETTINGS, ...settings };
  const lines = [];
  // A title is free text on one line; anything after a newline would become a command.
  const title = String(s.title ?? '').split('\n', 1)[0].trim();
  if (title) lines.push(`title ${title}`);
  lines.push(
    `protocol ${s.protocol}`,
    `nodes ${s.nodes}`,
    `quorum ${s.quorum1} ${s.quorum2}`,
    `network ${s.network}`,
    `delay ${s.delayMin}..${s.delayMax}`,
    `drop ${s.drop}%`,
    `duplicate ${s.duplicate}%`,
    `seed ${s.seed}`,
    `nacks ${flag(s.nacks)}`,
    `retry ${flag(s.retry)}`,
    `backoff ${s.backoff}`,
    `timeout ${s.timeout}`,
    `leader ${s.leader}`,
    `amnesia ${flag(s.amnesia)}`,
    `attempts ${s.attempts}`,
  );
  return `${[...lines, ...commands].join('\n')}\n`;
}

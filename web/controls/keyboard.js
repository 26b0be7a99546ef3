// Keyboard shortcuts. `actionForKey` is pure (an event-like object in, an action name out),
// so the mapping is tested without a browser; `installShortcuts` wires it to the document.

/** Shortcuts as the help overlay lists them: keys shown, action, i18n key of the meaning. */
export const SHORTCUTS = [
  { keys: ['Space', 'K'], action: 'toggle', label: 'help.toggle' },
  { keys: ['→', 'L'], action: 'forward', label: 'help.forward' },
  { keys: ['←', 'J'], action: 'back', label: 'help.back' },
  { keys: ['Home'], action: 'start', label: 'help.start' },
  { keys: ['End'], action: 'end', label: 'help.end' },
  { keys: ['+', '−'], action: 'faster', label: 'help.speed' },
  { keys: ['D'], action: 'deliver', label: 'help.deliver' },
  { keys: ['X'], action: 'drop', label: 'help.drop' },
  { keys: ['C'], action: 'duplicate', label: 'help.duplicate' },
  { keys: ['Esc'], action: 'unselect', label: 'help.unselect' },
  { keys: ['Ctrl+Z', '⌘Z'], action: 'undo', label: 'help.undo' },
  { keys: ['Shift+Ctrl+Z', '⇧⌘Z', 'Ctrl+Y'], action: 'redo', label: 'help.redo' },
  { keys: ['R'], action: 'reset', label: 'help.reset' },
  { keys: ['P'], action: 'presets', label: 'help.presets' },
  { keys: ['S'], action: 'settings', label: 'help.settings' },
  { keys: ['G'], action: 'language', label: 'help.language' },
  { keys: ['?'], action: 'help', label: 'help.help' },
];

const KEYS = {
  ' ': 'toggle', k: 'toggle', K: 'toggle',
  ArrowRight: 'forward', l: 'forward', L: 'forward',
  ArrowLeft: 'back', j: 'back', J: 'back',
  Home: 'start', End: 'end',
  '+': 'faster', '=': 'faster', '-': 'slower', _: 'slower',
  d: 'deliver', D: 'deliver', x: 'drop', X: 'drop', c: 'duplicate', C: 'duplicate',
  Escape: 'unselect',
  r: 'reset', R: 'reset', p: 'presets', P: 'presets', s: 'settings', S: 'settings',
  g: 'language', G: 'language', '?': 'help',
};

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
const ACTIVATES = new Set(['BUTTON', 'A', 'SUMMARY']);

/**
 * The action for a keydown, or null when the key belongs to what has focus: typing in a
 * field, a modifier combination, Space/Enter on a button, arrows inside a list.
 * @param {{key: string, ctrlKey?: boolean, metaKey?: boolean, altKey?: boolean, shiftKey?: boolean,
 *          targetTag?: string, targetRole?: string|null, inDialog?: boolean, inList?: boolean}} event
 */
export function actionForKey(event) {
  if (event.inDialog) return null;
  const tag = (event.targetTag ?? '').toUpperCase();
  if (TYPING.has(tag)) return null;
  if ((event.ctrlKey || event.metaKey) && !event.altKey) {
    // Undo and redo: Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y (not while typing: fields
    // keep their own undo).
    const key = event.key.toLowerCase();
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !event.shiftKey) return 'redo';
    return null;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const activates = ACTIVATES.has(tag) || event.targetRole === 'button';
  if (activates && (event.key === ' ' || event.key === 'Enter')) return null;
  if (event.inList && (event.key === 'Home' || event.key === 'End')) return null;
  return KEYS[event.key] ?? null;
}

/** Calls handlers[action]() for shortcut keys pressed anywhere on the page. */
export function installShortcuts(document, handlers) {
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    const action = actionForKey({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      shiftKey: event.shiftKey,
      targetTag: target?.tagName,
      targetRole: target?.getAttribute?.('role') ?? null,
      inDialog: Boolean(target?.closest?.('dialog[open]')),
      inList: Boolean(target?.closest?.('[data-roving]')),
    });
    if (!action || !handlers[action]) return;
    event.preventDefault();
    handlers[action]();
  });
}

// Keeping keyboard focus through re-renders. Views rebuild their elements from the snapshot,
// which would drop focus on the page body after every action (a keyboard user delivering a
// message would have to find their place again). Before a render we note what had focus
// by its data attribute; after it we focus the same thing again, or, if it is gone (the
// message was delivered), the first control of the same panel.

const KEYS = ['command', 'selectMessage', 'selectNode', 'nodeId', 'msgId', 'step', 'seek', 'proposeFor'];

/** A description of the focused element that survives its replacement, or null. */
export function describeFocus(document) {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const container = element.closest('[id]');
  if (!container || element.id) return null;
  const key = KEYS.find((name) => element.dataset?.[name] !== undefined);
  if (!key) return null;
  return { container: container.id, key, value: element.dataset[key] };
}

const attribute = (key) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Puts focus back after a render, if the render dropped it. */
export function restoreFocus(document, description) {
  if (!description) return;
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  const container = document.getElementById(description.container);
  if (!container) return;
  const same = container.querySelector(`[${attribute(description.key)}="${CSS.escape(description.value)}"]`);
  const fallback = container.querySelector('button:not([disabled]), [tabindex="0"]');
  (same ?? fallback)?.focus();
}

// Small DOM helpers. Text always goes in through textContent, never as HTML, so values and
// titles from scripts cannot inject markup.

export const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(element, attributes) {
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') element.textContent = String(value);
    else if (key === 'class') element.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  return element;
}

/** An HTML element: h(document, 'button', {class: 'x', text: 'Go', onclick}, ...children). */
export function h(document, tag, attributes, ...children) {
  const element = apply(document.createElement(tag), attributes);
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** Writes `text` into `element` only when it says something else (no DOM change for the same). */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** An SVG element, same shape as h(). */
export function s(document, tag, attributes, ...children) {
  const element = apply(document.createElementNS(SVG_NS, tag), attributes);
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/**
 * Makes `elements` the children of `parent`, in order, moving and removing as few as it
 * can (kept elements stay in the page: no re-layout of what did not change, and focus
 * stays where it was). `removed`, when the caller knows it, is every child that is not in
 * `elements` (a busy drawing then skips the search for them).
 */
export function reconcile(parent, elements, removed = null) {
  if (removed) {
    for (const child of removed) child.remove();
  } else {
    const wanted = new Set(elements);
    for (const child of [...parent.children]) if (!wanted.has(child)) child.remove();
  }
  let next = parent.firstElementChild;
  for (const element of elements) {
    if (element === next) next = next.nextElementSibling;
    else parent.insertBefore(element, next);
  }
}

/** The reduced-motion query of each window, made once: its `matches` is live. */
const motionQueries = new WeakMap();

/** Does the user ask for less motion? Read live, so a change applies at once. */
export function prefersReducedMotion(window) {
  if (!window.matchMedia) return false;
  let query = motionQueries.get(window);
  if (!query) {
    query = window.matchMedia('(prefers-reduced-motion: reduce)');
    motionQueries.set(window, query);
  }
  return Boolean(query.matches);
}

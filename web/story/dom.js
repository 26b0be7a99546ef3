// A small element builder for the story page: the page's text is set as text, never parsed
// as HTML, so nothing in the texts or the address can inject markup.

/** `el(doc, 'p', {class: 'x', 'data-y': 1}, ['text', child])`. */
export function el(doc, tag, attributes = {}, children = []) {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of [].concat(children)) {
    if (child === null || child === undefined) continue;
    element.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return element;
}

/** Replaces `{name}` with params.name (as web/i18n.js does for the playground). */
export function fill(template, params = {}) {
  return String(template).replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

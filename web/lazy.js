// Modules (and a stylesheet) the page fetches when first needed rather than when it opens:
// each language's texts, the aids below the cluster, the share dialog, the settings, embed
// mode. dist/ bundles each
// module on its own where its source file is, so one path names it in both; the URL is
// resolved against the page rather than this file because in dist/ this file is part of the
// page's bundle, in another folder.

const loads = new Map();
const failures = new Map();

/**
 * Starts `start(attempt)` once per key; later calls share its promise. After a failure the
 * next call starts again with the next attempt number.
 */
function once(key, start) {
  if (!loads.has(key)) {
    const attempt = failures.get(key) ?? 0;
    const promise = start(attempt);
    promise.catch(() => {
      loads.delete(key);
      failures.set(key, attempt + 1);
    });
    loads.set(key, promise);
  }
  return loads.get(key);
}

/**
 * `href` for an attempt: a retry asks for a fresh URL, because browsers remember a module
 * that failed to load and would not fetch the same URL again.
 */
function attemptUrl(href, attempt) {
  const url = new URL(href);
  if (attempt > 0) url.searchParams.set('attempt', String(attempt));
  return url.href;
}

/** Imports the module at the absolute URL `href`, once (a failure is retried on the next call). */
export function importOnce(href) {
  return once(href, (attempt) => import(attemptUrl(href, attempt)));
}

/** Imports the module at `path` (relative to the page, e.g. 'web/controls/aids.js'). */
export function loadModule(doc, path) {
  return importOnce(new URL(path, doc.baseURI).href);
}

/**
 * Adds the stylesheet at `path` (relative to the page) to the document; resolves when it
 * has loaded. After a failure its <link> is removed.
 */
export function loadStylesheet(doc, path) {
  const href = new URL(path, doc.baseURI).href;
  return once(`stylesheet:${href}`, (attempt) => new Promise((resolve, reject) => {
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = attemptUrl(href, attempt);
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', () => {
      link.remove();
      reject(new Error(`${path} could not be loaded`));
    }, { once: true });
    doc.head.append(link);
  }));
}

/**
 * Calls `start` when `element` comes within `margin` (a CSS margin, e.g. '300px 0px') of
 * the screen or something in it gets focus; at once where there is no IntersectionObserver.
 * `start` may be called more than once (a retry after a failed load): it decides. An element
 * not laid out (display: none, e.g. a panel an embed hides) never comes near. Returns a
 * function that stops watching.
 */
export function whenNear(window, element, margin, start) {
  const Observer = window.IntersectionObserver;
  const observer = Observer ? new Observer((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) start();
  }, { rootMargin: margin }) : null;
  element.addEventListener('focusin', start);
  if (observer) observer.observe(element);
  else start();
  return () => {
    observer?.disconnect();
    element.removeEventListener('focusin', start);
  };
}

/**
 * The dialogs' styles (web/dialogs.css), fetched before the first dialog opens. A dialog
 * opens even if they fail to load: unstyled, it still works, and the next opening asks again.
 */
export function loadDialogStyles(doc) {
  return loadStylesheet(doc, 'web/dialogs.css').catch(() => {});
}

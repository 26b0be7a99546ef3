// Modules (and a stylesheet) the page fetches when first needed rather than when it opens
// (the aids below the cluster, the share dialog, embed mode). dist/ bundles each on its own, where its source
// file is, so one path names it in both: the URL is resolved against the page rather than
// this file because in dist/ this file is part of the page's bundle, in another folder.

const loads = new Map();
const failures = new Map();

/**
 * Imports the module at `path` (relative to the page, e.g. 'web/controls/aids.js'), once;
 * later calls share the first. After a failure the next call tries again with a fresh URL:
 * browsers remember a module that failed to load and would not fetch the same URL again.
 */
export function loadModule(doc, path) {
  if (!loads.has(path)) {
    const url = new URL(path, doc.baseURI);
    const failed = failures.get(path) ?? 0;
    if (failed > 0) url.searchParams.set('attempt', String(failed));
    const promise = import(url.href);
    promise.catch(() => {
      loads.delete(path);
      failures.set(path, failed + 1);
    });
    loads.set(path, promise);
  }
  return loads.get(path);
}

/**
 * Adds the stylesheet at `path` (relative to the page) to the document, once; resolves when
 * it has loaded. After a failure its <link> is removed and the next call tries again.
 */
export function loadStylesheet(doc, path) {
  const key = `stylesheet:${path}`;
  if (!loads.has(key)) {
    const failed = failures.get(key) ?? 0;
    const url = new URL(path, doc.baseURI);
    if (failed > 0) url.searchParams.set('attempt', String(failed));
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = url.href;
    const promise = new Promise((resolve, reject) => {
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', () => reject(new Error(`${path} could not be loaded`)), { once: true });
    });
    promise.catch(() => {
      link.remove();
      loads.delete(key);
      failures.set(key, failed + 1);
    });
    loads.set(key, promise);
    doc.head.append(link);
  }
  return loads.get(key);
}

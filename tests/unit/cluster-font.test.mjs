// The cluster measures its labels in the page's font, named in web/views/cluster.js so that
// measuring asks the page for no computed style: it must be the font style.css sets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

test('the cluster measures text in the font the page sets', async () => {
  const css = readFileSync(new URL('../../web/style.css', import.meta.url), 'utf8');
  const root = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
  const family = /\n\s*font-family:\s*([^;]+);/.exec(root)?.[1];
  const { PAGE_FONT } = await import('../../web/views/cluster.js');
  assert.equal(PAGE_FONT, family);
});

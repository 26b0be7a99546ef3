// Transfer-size budgets, checked on the built dist/ by size-limit (config: "size-limit" in
// package.json; sizes are gzip level 9 per file, summed; 1 kB = 1000 bytes). One test per
// limit, so a miss names the file group, its size and its limit. A check without a limit is
// only reported. Run `npm run build` first (`npm test` does).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function measure() {
  assert.ok(existsSync(join(ROOT, 'dist/index.html')), 'no dist/: run `npm run build` first');
  let output;
  try {
    output = execFileSync(join(ROOT, 'node_modules/.bin/size-limit'), ['--json'], { cwd: ROOT, encoding: 'utf8' });
  } catch (error) {
    // size-limit exits 1 when a limit is exceeded, and still prints its JSON.
    output = error.stdout;
  }
  return JSON.parse(output);
}

const results = measure();
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

for (const result of results) {
  const title = `${result.name}: ${kB(result.size)}${result.sizeLimit ? ` (limit ${kB(result.sizeLimit)})` : ''}`;
  test(title, () => {
    assert.ok(result.size > 0, 'measured nothing: the files are missing');
    if (result.sizeLimit !== undefined) {
      assert.ok(result.passed, `${kB(result.size)} is over the limit of ${kB(result.sizeLimit)}`);
    }
  });
}

// The shipped module (dist/, after wasm-opt) under Node gives the native build's event log,
// byte for byte, on every scenario of the determinism corpus (1,000 random scenarios: every
// protocol, unsafe quorums, amnesia, manual networks), and refuses the same scripts with the
// same message. The same check runs in Chromium in tests/e2e/determinism.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { GLUE, MODULE, differences, loadCorpus, runCorpus } from './determinism.mjs';

test('the optimized wasm module gives the native event logs on the determinism corpus', async () => {
  const entries = loadCorpus();
  assert.ok(existsSync(MODULE), `${MODULE} is missing: run \`npm run build\` first (npm test does)`);
  const glue = await import(pathToFileURL(GLUE).href);
  glue.initSync({ module: readFileSync(MODULE) });
  globalThis.paxosGlue = glue;
  const results = runCorpus(entries);
  const refused = results.filter((r) => r.error !== undefined).length;
  assert.ok(refused > 0 && refused < entries.length / 4, `${refused} of ${entries.length} refused`);
  const diff = differences(entries, results);
  assert.equal(diff.length, 0, `${diff.length} of ${entries.length} differ:\n${diff.slice(0, 5).join('\n\n')}`);
});

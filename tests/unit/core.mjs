// The built wasm core, loaded under Node for tests that check the page's pure modules
// against the real thing (npm test builds web/pkg before this layer runs).
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function loadCore() {
  const glue = await import(pathToFileURL(`${ROOT}web/pkg/paxos_wasm.js`).href);
  glue.initSync({ module: readFileSync(`${ROOT}web/pkg/paxos_wasm_bg.wasm`) });
  // The presets are a static file beside the module, as the page fetches them.
  const presets = JSON.parse(readFileSync(`${ROOT}web/pkg/presets.json`, 'utf8'));
  return { ...glue, presets: () => presets };
}

/** The page's binding built with Multi-Paxos (web/multi/multi.js loads it), and its presets. */
export async function loadMultiCore() {
  const glue = await import(pathToFileURL(`${ROOT}web/pkg/paxos_wasm_multi.js`).href);
  glue.initSync({ module: readFileSync(`${ROOT}web/pkg/paxos_wasm_multi_bg.wasm`) });
  const presets = JSON.parse(readFileSync(`${ROOT}web/pkg/presets-multi.json`, 'utf8'));
  return { ...glue, presets: () => presets };
}

/** The aids' module (compare, the Mermaid and Rust-test exports, the checker). */
export async function loadAids() {
  const glue = await import(pathToFileURL(`${ROOT}web/pkg/paxos_check_wasm.js`).href);
  glue.initSync({ module: readFileSync(`${ROOT}web/pkg/paxos_check_wasm_bg.wasm`) });
  return glue;
}

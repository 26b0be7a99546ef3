// The determinism corpus (written by `cargo test -p paxos-fuzz --test corpus`, which
// `npm test` runs in its rust layer, before the js and e2e layers) and the one function that
// runs it in a wasm module, shared by the Node test (tests/unit/determinism.test.mjs) and
// the Chromium test (tests/e2e/determinism.test.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CORPUS = process.env.PAXOS_DETERMINISM_CORPUS ?? `${ROOT}target/determinism-corpus.json`;
export const MODULE = `${ROOT}dist/web/pkg/paxos_wasm_bg.wasm`;
export const GLUE = `${ROOT}dist/web/pkg/paxos_wasm.js`;

/** The corpus entries; throws (failing the test) if the file is missing or too small. */
export function loadCorpus() {
  if (!existsSync(CORPUS)) {
    throw new Error(`the determinism corpus ${CORPUS} is missing: it is written by `
      + '`cargo test -p paxos-fuzz --test corpus` (npm test runs that first, in its rust layer)');
  }
  const entries = JSON.parse(readFileSync(CORPUS, 'utf8'));
  if (!Array.isArray(entries) || entries.length < 1000) {
    throw new Error(`the determinism corpus has ${entries?.length} scenarios, expected at least 1,000`);
  }
  return entries;
}

/**
 * Runs every entry in the module whose glue is `globalThis.paxosGlue` and returns, per entry,
 * `{hash, bytes}` (64-bit FNV-1a of the log's UTF-8 bytes, as 16 hex digits, and their count)
 * or `{error}` (the thrown message). Self-contained: Playwright sends its source to the page.
 */
export function runCorpus(entries) {
  const { Playground } = globalThis.paxosGlue;
  const encoder = new TextEncoder();
  const prime = 0x100000001b3n;
  const mask = (1n << 64n) - 1n;
  return entries.map(({ script }) => {
    let playground;
    try {
      playground = new Playground(script);
    } catch (error) {
      return { error: String(error?.message ?? error) };
    }
    try {
      const bytes = encoder.encode(playground.log());
      let hash = 0xcbf29ce484222325n;
      for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * prime) & mask;
      return { hash: hash.toString(16).padStart(16, '0'), bytes: bytes.length };
    } finally {
      playground.free();
    }
  });
}

/** The entries where `results` differ from the native run, described for an assertion. */
export function differences(entries, results) {
  const out = [];
  entries.forEach((entry, i) => {
    const got = results[i];
    const expected = entry.error === undefined
      ? { hash: entry.hash, bytes: entry.bytes }
      : { error: `scenario script: ${entry.error}` };
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      out.push(`#${i}: native ${JSON.stringify(expected)}, wasm ${JSON.stringify(got)}\n${entry.script}`);
    }
  });
  return out;
}

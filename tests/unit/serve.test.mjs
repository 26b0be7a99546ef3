// scripts/serve.mjs: loopback only, the exact port asked for (never a silent other one),
// and .wasm served as application/wasm so WebAssembly.instantiateStreaming accepts it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVE = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));

/**
 * Starts the server and waits until its output matches `until` or it exits.
 * `server.output` keeps growing with everything the process prints.
 */
async function serve(dir, port, until) {
  const child = spawn(process.execPath, [SERVE, dir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const server = { child, output: '', closed: null };
  child.stdout.on('data', (chunk) => { server.output += chunk; });
  child.stderr.on('data', (chunk) => { server.output += chunk; });
  // 'close' comes after the output streams are drained, unlike 'exit'.
  server.closed = once(child, 'close');
  const deadline = Date.now() + 10_000;
  while (!until.test(server.output) && child.exitCode === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return server;
}

/** Waits for a server expected to stop by itself; returns its exit code. */
async function exited(server) {
  await server.closed;
  return server.child.exitCode;
}

async function stop(child) {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

test('serves files on 127.0.0.1 with the wasm MIME type, and 404 for missing files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'paxos-serve-'));
  writeFileSync(join(dir, 'module.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  const { child, output } = await serve(dir, 0, /http:\/\/127\.0\.0\.1:\d+\//);
  try {
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
    assert.ok(url, `no URL printed: ${output}`);
    const wasm = await fetch(`${url}module.wasm`);
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.equal((await fetch(`${url}nothing-here.js`)).status, 404);
  } finally {
    await stop(child);
  }
});

test('a busy port is a clear error, not a silent switch to another port', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'paxos-serve-'));
  const first = await serve(dir, 0, /http:\/\/127\.0\.0\.1:\d+\//);
  try {
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(first.output)[1]);
    const second = await serve(dir, port, /in use/);
    assert.equal(await exited(second), 1);
    assert.match(second.output, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
  } finally {
    await stop(first.child);
  }
});

test('a bad port is rejected with usage', async () => {
  const server = await serve('.', 'eighty', /usage/);
  assert.equal(await exited(server), 2);
  assert.match(server.output, /usage: node scripts\/serve\.mjs DIR \[PORT\]/);
});

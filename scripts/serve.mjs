// Serves a directory on 127.0.0.1 only: `node scripts/serve.mjs DIR [PORT]` (PORT 0 = any
// free port). File serving (MIME types incl. application/wasm, ETags, ranges, no dotfiles,
// no path escapes) is the `sirv` package's; this file only binds the socket and prints the
// URL actually in use. (The `serve` CLI was dropped: it silently moves to another port.)
import http from 'node:http';
import sirv from 'sirv';

const [dir, portText = process.env.PORT ?? '8080'] = process.argv.slice(2);
const port = Number(portText);
if (!dir || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`usage: node scripts/serve.mjs DIR [PORT]; got DIR=${dir} PORT=${portText}`);
  process.exit(2);
}

// dev: re-read files on every request, so a rebuilt web/pkg is served without a restart.
const files = sirv(dir, { dev: true, etag: true });
const server = http.createServer((request, response) => {
  files(request, response, () => {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(`Not found: ${request.url}\n`);
  });
});
server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE'
    ? `serve: port ${port} on 127.0.0.1 is already in use; choose another with PORT=...`
    : `serve: ${error.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`Paxos Playground: http://127.0.0.1:${server.address().port}/`);
});

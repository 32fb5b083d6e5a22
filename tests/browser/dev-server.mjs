// Development server for the Vigía UI: serves the three UI files straight from
// crates/vigia/ui (so edits show up without rebuilding the Rust binary) and
// proxies /api/* to a running `vigia serve`. It sends the same
// Content-Security-Policy as the real server so CSP mistakes show up early.
//
//   node tests/browser/dev-server.mjs [--api http://127.0.0.1:8282] [--port 8283]

import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const api = new URL(option('--api', 'http://127.0.0.1:8282'));
const port = Number(option('--port', '8283'));
const uiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../crates/vigia/ui');

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const FILES = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/ui/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/ui/app.css': ['app.css', 'text/css; charset=utf-8'],
};

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    // Forward the request as is and stream the answer back.
    const upstream = http.request(
      { host: api.hostname, port: api.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'bad_gateway', message: String(err.message) } }));
    });
    req.pipe(upstream);
    return;
  }
  const file = FILES[url.pathname];
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('no such file');
    return;
  }
  try {
    const body = await readFile(path.join(uiDir, file[0]));
    res.writeHead(200, { 'content-type': file[1], 'content-security-policy': CSP, 'cache-control': 'no-store' });
    res.end(body);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(err));
  }
});

server.listen(port, '127.0.0.1', () => {
  console.error(`vigia UI dev server: http://127.0.0.1:${port}/ (API from ${api.origin})`);
});

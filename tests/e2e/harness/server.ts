import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { E2E_PAGES, FIXTURES } from './paths.js';

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /**
   * A unique URL for a page: every test gets its own (`?t=<random>`), so a leftover tab with the same URL can never be
   * mistaken for the tab under test.
   */
  url(pathname: string): string;
  /**
   * Serves `body` at `pathname` (in addition to the files on disk), as HTML unless `options.contentType` says
   * otherwise, with `options.headers` added to the response (e.g. a Content-Security-Policy).
   */
  define(pathname: string, body: string | Buffer, options?: DefineOptions): void;
  /** Every path requested so far, in order. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

export interface DefineOptions {
  /** The Content-Type header; default `text/html; charset=utf-8`. */
  contentType?: string;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

interface Defined {
  body: string | Buffer;
  options: DefineOptions;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves, in this order of precedence: pages defined inline with `define()`, `tests/e2e/pages/`, `tests/fixtures/`.
 * Binds 127.0.0.1 on a free port. Anything else is a 404. Only GET and HEAD.
 */
export async function startServer(): Promise<TestServer> {
  const inline = new Map<string, Defined>();
  const requests: string[] = [];
  const roots = [E2E_PAGES, FIXTURES];

  const server = http.createServer((req, res) => {
    void (async () => {
      const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(pathname);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const defined = inline.get(pathname);
      if (defined !== undefined) {
        res.writeHead(200, {
          ...defined.options.headers,
          'content-type': defined.options.contentType ?? TYPES['.html'],
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : defined.body);
        return;
      }
      const rel = decodeURIComponent(pathname).replace(/^\/+/, '');
      for (const root of roots) {
        const file = path.resolve(root, rel);
        if (!file.startsWith(root + path.sep)) continue; // no ../ escapes
        try {
          const body = await readFile(file);
          res.writeHead(200, {
            'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
            'cache-control': 'no-store',
          });
          res.end(req.method === 'HEAD' ? undefined : body);
          return;
        } catch {
          // try the next root
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    })().catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: (pathname) => `${origin}${pathname.startsWith('/') ? '' : '/'}${pathname}?t=${randomUUID().slice(0, 8)}`,
    define: (pathname, body, options = {}) => inline.set(pathname.startsWith('/') ? pathname : `/${pathname}`, { body, options }),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves the test fixtures and the shared pages from 127.0.0.1, with optional headers per path. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const MOUNTS: Record<string, string> = {
  '/fixtures/': join(ROOT, 'tests', 'fixtures'),
  '/shared/': join(ROOT, '..', 'shared', 'pages'),
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=windows-1252',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

export interface FixtureServer {
  origin: string;
  /** An address on this server; `host: 'localhost'` gives the same page from another origin. */
  url(path: string, host?: '127.0.0.1' | 'localhost'): string;
  close(): Promise<void>;
}

/** `headers` maps a path prefix to extra response headers (a strict CSP, for example). */
export async function startServer(headers: Record<string, Record<string, string>> = {}): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = Object.keys(MOUNTS).find((m) => path.startsWith(m));
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    const file = normalize(join(MOUNTS[mount]!, path.slice(mount.length)));
    if (!file.startsWith(MOUNTS[mount]!)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const extra = Object.entries(headers).find(([prefix]) => path.startsWith(prefix))?.[1] ?? {};
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...extra });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p, host = '127.0.0.1') => `http://${host}:${port}${p}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

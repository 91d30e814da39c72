import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build:web` writes the web UI: web/dist at the package root. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Options of the web UI plugin. */
export interface WebUiOptions {
  /** The built UI (default web/dist). Read on every request, so a rebuild shows without a restart. */
  distDir?: string;
}

// Paths the API and the probes own: never answered with the UI, so an unknown API route stays a problem+json 404.
const SERVER_PATHS = /^\/(api|healthz|readyz)(\/|$|\?)/;

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sallyport</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>Sallyport</h1>
<p>The web UI has not been built. Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it when needed) and reload this page.</p>
<p>The API is up: see <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`;

function wantsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

/** The file of `dist` a URL path names, when it is a regular file inside `dist` (never outside it). */
function fileIn(dist: string, urlPath: string): string | null {
  const rel = urlPath.replace(/^\/+/, '');
  if (rel === '') return null;
  const full = resolve(dist, rel);
  if (!full.startsWith(dist + sep)) return null;
  try {
    return statSync(full).isFile() ? full.slice(dist.length + 1) : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built web UI from the API's port: the files of web/dist (hashed assets cached for a year, the
 * page itself never), and index.html for any other page address a browser asks for (`/detainees/SP-SY-000123`),
 * so the client-side router takes over. Paths under /api, /healthz and /readyz are left to the API. When the UI
 * is not built it says how to build it. The UI's files are public; the data they show comes from the API,
 * which checks the session on every call.
 */
export const webUi: FastifyPluginAsync<WebUiOptions> = async (app, opts) => {
  const dist = resolve(opts.distDir ?? DEFAULT_WEB_DIST);
  if (!existsSync(join(dist, 'index.html'))) {
    app.log.warn({ dist }, 'the web UI is not built (run `npm run build:web`); serving a page that says so');
  }
  await app.register(fastifyStatic, { root: dist, serve: false, wildcard: false });

  const answer = async (request: FastifyRequest, reply: FastifyReply, urlPath: string) => {
    if (SERVER_PATHS.test(urlPath)) return reply.callNotFound();
    const file = fileIn(dist, urlPath);
    if (file) {
      const immutable = file.startsWith(`assets${sep}`);
      return reply.sendFile(file, { maxAge: immutable ? '365d' : 0, immutable, cacheControl: true });
    }
    if (!wantsHtml(request)) return reply.callNotFound();
    if (!existsSync(join(dist, 'index.html'))) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  };

  app.get('/', { config: { public: true }, schema: { hide: true } }, (request, reply) => answer(request, reply, '/'));
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
    const rest = (request.params as { '*'?: string })['*'] ?? '';
    return answer(request, reply, `/${rest}`);
  });
};

import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MISSING_BUILD_PAGE } from './missing-build-page.js';
import { isAppRoute } from './server-paths.js';

/** Where `npm run build:web` puts the app: dist-web/ at the package root (src/ and dist/ alike). */
export const DEFAULT_WEB_APP_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'dist-web',
);

/** Answers a request the router did not match with the app's page, or says it is not the app's. */
export type AppShellFallback = (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;

// Hashed file names change with their content, so a browser may keep them for good; index.html
// names the current ones and must be asked for again on every visit, or a deploy would be missed.
const ASSET_MAX_AGE = '365d';
const SHELL_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
  // Mantine writes its CSS variables into a <style> element, hence 'unsafe-inline' for styles only.
  'content-security-policy':
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
} as const;

/**
 * Serves the staff web app (web/, built by Vite): `/` and every client-side route get index.html,
 * `/assets/*` the hashed files. The build is looked for on each request, so a build made while the
 * server runs is picked up, and a missing build gives a page that says how to make it.
 */
export async function registerWebApp(app: FastifyInstance, dir: string): Promise<AppShellFallback> {
  await app.register(fastifyStatic, {
    root: join(dir, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    immutable: true,
    maxAge: ASSET_MAX_AGE,
    index: false,
  });

  const sendShell = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const html = await readFile(join(dir, 'index.html'), 'utf8').catch(() => null);
    if (html === null) void reply.status(503);
    // The not-found path has no HEAD route of its own to drop the body: drop it here.
    return reply.headers(SHELL_HEADERS).send(request.method === 'HEAD' ? '' : (html ?? MISSING_BUILD_PAGE));
  };

  app.get('/', { schema: { hide: true } }, (request, reply) => sendShell(request, reply));

  return async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    if (!isAppRoute(decodedPath(request.url))) return false;
    await sendShell(request, reply);
    return true;
  };
}

/** The path without its query, percent-decoding undone so "/%61pi/…" is still seen as the API's. */
function decodedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

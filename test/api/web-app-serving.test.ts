import type { FastifyInstance } from 'fastify';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/domain/clock.js';
import { buildServer } from '../../src/server/build-server.js';
import type { Store } from '../../src/store/database.js';
import { freshStore } from '../support/dialects.js';

// Serving files does not touch the database: SQLite is enough.
const SHELL =
  '<!doctype html><title>Triggerfish</title><script type="module" src="/assets/app-3f9a.js"></script>';

describe('the staff web app, served by the API server', () => {
  let store: Store;
  let dir: string;
  let app: FastifyInstance;
  let bare: FastifyInstance;
  const get = (url: string, server = app) => server.inject({ method: 'GET', url });

  beforeAll(async () => {
    store = (await freshStore('sqlite')).store;
    dir = await mkdtemp(join(tmpdir(), 'tf-web-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), SHELL);
    await writeFile(join(dir, 'assets', 'app-3f9a.js'), 'console.log("app")');
    const deps = { store, clock: new ManualClock('2026-03-06T15:00:00Z'), config: loadConfig({}) };
    app = await buildServer({ ...deps, webAppDir: dir });
    bare = await buildServer({ ...deps, webAppDir: join(dir, 'never-built') });
  });
  afterAll(async () => {
    await app.close();
    await bare.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers / with index.html, never cached without asking again', async () => {
    const answer = await get('/');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer.body).toBe(SHELL);
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const answer = await get('/assets/app-3f9a.js');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.body).toBe('console.log("app")');
  });

  it('answers client-side routes with index.html, queries and HEAD included', async () => {
    for (const url of ['/triggers', '/triggers/12', '/sign-in?next=%2Ftriggers']) {
      const answer = await get(url);
      expect(answer.statusCode, url).toBe(200);
      expect(answer.body, url).toBe(SHELL);
    }
    const head = await app.inject({ method: 'HEAD', url: '/triggers' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('keeps unknown API paths a JSON 404, however spelled', async () => {
    for (const url of ['/api/v1/nothing-here', '/api', '/api/v2/triggers', '/%61pi/v1/nothing-here']) {
      const answer = await get(url);
      expect(answer.statusCode, url).toBe(404);
      expect(answer.json(), url).toMatchObject({ code: 'ERR_NOT_FOUND' });
    }
  });

  it('never answers public client pages, missing assets or file names with the app', async () => {
    for (const url of [
      '/u/not-a-token',
      '/forms/nope',
      '/f/contact/nope',
      '/assets/gone-1234.js',
      '/favicon.ico',
    ]) {
      const answer = await get(url);
      expect(answer.statusCode, url).toBe(404);
      expect(answer.body, url).not.toContain('<title>Triggerfish</title>');
    }
  });

  it('answers writes to unknown paths with the JSON 404, not the app', async () => {
    const answer = await app.inject({ method: 'POST', url: '/triggers', payload: {} });
    expect(answer.statusCode).toBe(404);
    expect(answer.json().code).toBe('ERR_NOT_FOUND');
  });

  it('says how to build the app when it was never built, and the API still answers', async () => {
    for (const url of ['/', '/triggers']) {
      const answer = await get(url, bare);
      expect(answer.statusCode, url).toBe(503);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.body).toContain('npm run build:web');
    }
    expect((await get('/api/v1/health', bare)).statusCode).toBe(200);
  });
});

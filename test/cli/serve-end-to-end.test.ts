import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The latest modification time of any file under a folder (0 when it does not exist). */
function newestChange(dir: string): number {
  if (!existsSync(dir)) return 0;
  return Math.max(
    0,
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  );
}

/** The real CLI, as `npm start` runs it: the compiled bin/triggerfish.js. */
function startServer(databaseUrl: string): { child: ChildProcess; banner: Promise<string> } {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
  delete env.TRIGGERFISH_DEMO;
  const child = spawn(
    process.execPath,
    ['bin/triggerfish.js', 'serve', '--port', '0', '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const banner = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // The banner is one write; it ends with the API docs line or, on a first run, the notes.
      if (
        /API documentation: .*\n/.test(output) &&
        (!output.includes('First run') || output.includes('--no-demo'))
      ) {
        resolve(output);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`serve exited with ${code} before it listened:\n${output}`)),
    );
  });
  return { child, banner };
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

describe('triggerfish serve, end to end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tf-serve-'));
  const databaseUrl = `file:${join(dir, 'triggerfish.db')}`;

  beforeAll(async () => {
    // Run what `npm start` runs: the compiled CLI. Compile first when dist/ is older than src/.
    if (newestChange(join(ROOT, 'src')) > newestChange(join(ROOT, 'dist'))) {
      await promisify(execFile)(
        process.execPath,
        ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
        {
          cwd: ROOT,
        },
      );
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the demo on a new database, prints how to sign in, answers health checks, stops on SIGTERM', async () => {
    const { child, banner } = startServer(databaseUrl);
    try {
      const text = await banner;
      const address = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
      expect(address, text).toBeDefined();
      expect(text).toContain('First run: created the demo studio');
      expect(text).toMatch(/Email +owner@demo\.triggerfish\.test/);
      expect(text).toMatch(/Password +[a-z2-9]{5}(-[a-z2-9]{5}){3}/);
      expect(text).toContain(`${address}/api/docs`);
      const health = await fetch(`${address}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });
    } finally {
      expect(await stop(child)).toBe(0);
    }
  }, 60_000);

  it('creates nothing and prints no password when started again on the same database', async () => {
    const { child, banner } = startServer(databaseUrl);
    try {
      const text = await banner;
      expect(text).toContain('Triggerfish is listening at http://127.0.0.1:');
      expect(text).not.toContain('First run');
      expect(text).not.toContain('Password');
    } finally {
      expect(await stop(child)).toBe(0);
    }
  }, 60_000);

  it('imports a CSV file with the import command, and exits non-zero when it imports nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'first_name,last_name,birth_date\nAnn,Lee,1980-01-02\nBo,Ray,02/03/1980\n');
    const refused = await cli(databaseUrl, ['import', 'clients', bad, '--studio', '1']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('row 2 (line 3): birth_date must be a date written YYYY-MM-DD');
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'first_name,last_name\nAnn,Lee\n');
    const imported = await cli(databaseUrl, ['import', 'clients', good, '--studio', '1']);
    expect(imported).toMatchObject({ code: 0, stdout: 'Imported 1 client.\n' });
  }, 60_000);

  it('creates a real studio with starter catalogs, refuses bad settings, and adds a demo studio', async () => {
    const url = `file:${join(dir, 'studios.db')}`;
    const created = await cli(url, [
      'studio',
      'create',
      '--name',
      'Bright Eyes',
      '--time-zone',
      'Europe/Berlin',
      '--country',
      'de',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created studio 1 "Bright Eyes" (Europe/Berlin, DE).');
    expect(created.stdout).toContain('It has the starter catalogs');
    const refused = await cli(url, [
      'studio',
      'create',
      '--name',
      'X',
      '--time-zone',
      'Mars/Base',
      '--country',
      'US',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('time_zone: is not an IANA time zone');
    const demo = await cli(url, ['demo', '--seed', '3', '--clients', '5']);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(
      /Created the sandbox studio 2 .*\n +Email +owner@demo\.triggerfish\.test\n +Password +\S+/,
    );
  }, 60_000);
});

/** Runs a command of the compiled CLI to its end. */
function cli(
  databaseUrl: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
    const child = spawn(process.execPath, ['bin/triggerfish.js', ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

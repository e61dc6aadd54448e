// Builds the staff web app (web/ -> dist-web/) when it was never built or a source is newer than
// the build, so `npm start` and the browser tests stay quick when nothing changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTPUT = join(ROOT, 'dist-web', 'index.html');
// What the build reads besides web/: the dependencies' versions.
const INPUTS = [join(ROOT, 'web'), join(ROOT, 'package-lock.json')];

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

/** True when dist-web/ is missing or older than a source of the web app. */
export function webBuildIsStale() {
  if (!existsSync(OUTPUT)) return true;
  const built = statSync(OUTPUT).mtimeMs;
  return INPUTS.some((input) => existsSync(input) && newestChange(input) > built);
}

/** Builds the web app when stale; throws when the build fails. */
export function buildWebIfStale() {
  if (!webBuildIsStale()) return false;
  console.log('Building the staff web app (web/ -> dist-web/)…');
  const result = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build:web failed (exit ${result.status})`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    buildWebIfStale();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

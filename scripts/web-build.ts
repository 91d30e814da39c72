/**
 * Builds the web UI (web/dist) when it is missing or older than its sources: used by `npm start` and the
 * browser tests, so a fresh clone or an edited page never serves a stale UI. `npm run build:web` always builds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

// What the bundle is made of: the UI's own files, the server-side files it imports (schemas, kernel), and
// the dependency versions.
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/kernel', 'src/registry/registry.schemas.ts', 'src/access/access.schemas.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), st.mtimeMs);
}

/** Why web/dist needs building (`missing`, `stale`), or null when it is up to date. */
export function webBuildNeeded(root = ROOT): 'missing' | 'stale' | null {
  const index = join(root, 'web/dist/index.html');
  if (!existsSync(index)) return 'missing';
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > built) ? 'stale' : null;
}

/**
 * Runs `npm run build:web` when web/dist is missing or stale; prints why.
 * @throws Error when the build fails.
 */
export function ensureWebBuilt(root = ROOT): void {
  const why = webBuildNeeded(root);
  if (why === null) return;
  process.stderr.write(`web UI ${why === 'missing' ? 'not built yet' : 'older than its sources'}: building it (npm run build:web)\n`);
  const r = spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`npm run build:web failed with status ${String(r.status)}`);
}

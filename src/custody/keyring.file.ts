import { constants } from 'node:fs';
import { chmod, link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { memoryKeyring, privateKeyFromPem, privateKeyPem, type Keyring } from './keyring.js';

/**
 * A keyring in a directory: one PKCS#8 PEM file per key (`<name with / as %2F>+<id>.key`, mode 0600) in a
 * directory of mode 0700. Files are written to a temporary name, synced, then linked into place, so a key
 * file is either whole or absent and never replaced. Back the directory up with the database: a lost
 * private key cannot sign again (rotate to a new one), though everything it signed still verifies.
 */
export function fileKeyring(dir: string): Keyring {
  const cache = new Map<string, KeyObject>();
  const fileOf = (name: string, id: string) => join(dir, `${encodeURIComponent(name)}+${id}.key`);
  return {
    location: `dir:${dir}`,
    async get(name, id) {
      const known = cache.get(`${name}+${id}`);
      if (known) return known;
      let pem: string;
      try {
        pem = await readFile(fileOf(name, id), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
      const key = privateKeyFromPem(pem);
      cache.set(`${name}+${id}`, key);
      return key;
    },
    async put(name, id, key) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await chmod(dir, 0o700);
      const target = fileOf(name, id);
      const tmp = `${target}.${process.pid}.tmp`;
      const fh = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
      try {
        await fh.writeFile(privateKeyPem(key));
        await fh.sync();
      } finally {
        await fh.close();
      }
      try {
        await link(tmp, target);
      } finally {
        await rm(tmp, { force: true });
      }
      const d = await open(dir, 'r');
      try {
        await d.sync();
      } finally {
        await d.close();
      }
      cache.set(`${name}+${id}`, key);
    },
  };
}

/**
 * The key directory of a deployment: `configured` (SALLYPORT_KEY_DIR) when given, else `keys/` beside an
 * SQLite database file, else `./data/keys`; null for a throw-away in-memory database.
 */
export function keyDirFor(databaseUrl: string, configured?: string): string | null {
  if (configured) return configured;
  if (!databaseUrl.startsWith('sqlite:')) return join('data', 'keys');
  const path = databaseUrl.slice('sqlite:'.length);
  return path === ':memory:' ? null : join(dirname(path), 'keys');
}

/** The keyring of a deployment (see `keyDirFor`); an in-memory one for an in-memory database. */
export function keyringFor(databaseUrl: string, configured?: string): Keyring {
  const dir = keyDirFor(databaseUrl, configured);
  return dir === null ? memoryKeyring() : fileKeyring(dir);
}

import type { Command } from 'commander';
import { migrateToLatest } from '../../store/index.js';
import type { CliIo } from '../io.js';
import { writeLine } from '../io.js';
import { printJson } from '../output.js';
import { globalsOf, withStore } from '../session.js';

/** `db migrate`: brings the store's schema up to date (safe to repeat; `serve` does it at every start). */
export function registerDbCommands(program: Command, io: CliIo): void {
  program
    .command('db')
    .description('the database')
    .command('migrate')
    .description('apply pending schema migrations to the store named by --database-url or DATABASE_URL')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      await withStore(g, io, async (store) => {
        const applied = await migrateToLatest(store);
        if (g.json) {
          await printJson(io.stdout, { store: store.location, applied });
          return;
        }
        if (applied.length === 0) await writeLine(io.stdout, `${store.location}: schema up to date`);
        for (const name of applied) await writeLine(io.stdout, `${store.location}: applied ${name}`);
      });
    });
}

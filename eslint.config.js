// Typed lint, zero warnings. Beyond the usual rules it enforces the module rule of docs/ARCHITECTURE.md:
// a module is imported only through its index.ts, and dependencies point one way.
import path from 'node:path';
import tseslint from 'typescript-eslint';

/** Each module and the modules it may import (through their index.ts only). */
const LAYERS = {
  kernel: [],
  store: ['kernel'],
  access: ['kernel', 'store'],
  registry: ['kernel', 'store', 'access'],
  scenario: ['kernel', 'store', 'access', 'registry'],
  server: ['kernel', 'store', 'access', 'registry', 'scenario'],
  cli: ['kernel', 'store', 'access', 'registry', 'scenario', 'server'],
};

const ROLE_PATHS = [
  { name: 'kysely', message: 'Only *.store.ts and src/store import Kysely.' },
  { name: 'better-sqlite3', message: 'Only src/store opens databases.' },
  { name: 'pg', message: 'Only src/store opens databases.' },
  { name: 'fastify', message: 'Only src/server imports Fastify.' },
  { name: 'commander', message: 'Only src/cli imports commander.' },
];
/**
 * The module rule as a local lint rule: resolves each relative import to a file under src/ and checks
 * that another module is reached only through its index.ts and only in the allowed direction.
 */
const moduleBoundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    const srcDir = path.join(import.meta.dirname, 'src') + path.sep;
    if (!file.startsWith(srcDir)) return {};
    const from = file.slice(srcDir.length).split(path.sep)[0];
    if (!(from in LAYERS)) return {};
    return {
      ImportDeclaration(node) {
        const spec = node.source.value;
        if (typeof spec !== 'string' || !spec.startsWith('.')) return;
        const target = path.resolve(path.dirname(file), spec);
        if (!target.startsWith(srcDir)) return;
        const parts = target.slice(srcDir.length).split(path.sep);
        const to = parts[0];
        if (to === from) return;
        if (!LAYERS[from].includes(to)) {
          context.report({ node, message: `Dependencies point one way: ${from} may import only ${LAYERS[from].join(', ') || 'nothing of ours'}, not ${to}.` });
        } else if (parts.length !== 2 || parts[1] !== 'index.js') {
          context.report({ node, message: `Import the ${to} module only through its index.ts (../${to}/index.js).` });
        }
      },
    };
  },
};

// Roles allowed their one library: stores (Kysely, drivers), the server (Fastify), the CLI (commander).
const ROLE_FREE = ['src/store/**', 'src/**/*.store.ts', 'src/server/**', 'src/cli/**', 'src/**/*.test.ts'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'web/dist/**', '.tmp/**', 'eslint.config.js', 'bin/**', 'scripts/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      'max-params': ['error', 4],
    },
  },
  { files: ['src/**/*.ts'], plugins: { sallyport: { rules: { 'module-boundaries': moduleBoundaries } } }, rules: { 'sallyport/module-boundaries': 'error' } },
  { files: ['src/**/*.ts'], ignores: ROLE_FREE, rules: { 'no-restricted-imports': ['error', { paths: ROLE_PATHS }] } },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);

// Typed lint, zero warnings. Beyond the usual rules it enforces the module rule of docs/ARCHITECTURE.md:
// a module is imported only through its index.ts, and dependencies point one way.
import path from 'node:path';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Each module and the modules it may import (through their index.ts only). */
const LAYERS = {
  kernel: [],
  store: ['kernel'],
  access: ['kernel', 'store'],
  registry: ['kernel', 'store', 'access'],
  custody: ['kernel', 'store', 'access', 'registry'],
  camps: ['kernel', 'store', 'access', 'registry'],
  identity: ['kernel', 'store', 'access', 'registry'],
  warning: ['kernel', 'store', 'access', 'registry'],
  agreements: ['kernel', 'store', 'access', 'registry'],
  airlift: ['kernel', 'store', 'access', 'registry', 'custody', 'warning', 'agreements'],
  cases: ['kernel', 'store', 'access', 'registry', 'custody', 'identity'],
  repatriation: ['kernel', 'store', 'access', 'registry', 'custody', 'camps', 'cases', 'agreements'],
  coordination: ['kernel', 'store', 'access', 'registry', 'custody', 'camps', 'identity', 'warning', 'agreements', 'airlift', 'cases', 'repatriation'],
  scenario: ['kernel', 'store', 'access', 'registry', 'custody', 'camps', 'identity', 'warning', 'agreements', 'airlift', 'cases', 'repatriation', 'coordination'],
  server: ['kernel', 'store', 'access', 'registry', 'scenario', 'custody', 'camps', 'identity', 'warning', 'agreements', 'airlift', 'cases', 'repatriation', 'coordination'],
  cli: ['kernel', 'store', 'access', 'registry', 'scenario', 'server', 'custody', 'camps', 'identity', 'warning', 'agreements', 'airlift', 'cases', 'repatriation', 'coordination'],
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

/** What web/ may import from the server side: the modules' zod schemas and the kernel's markings and countries. */
const WEB_MAY_IMPORT = [/^[a-z]+\/[a-z]+\.schemas\.js$/, /^kernel\/markings\.js$/, /^kernel\/countries\.js$/];

/**
 * The web UI's side of the module rule: it runs in a browser, so it reaches into src/ only for files that hold
 * nothing that needs Node (schemas, markings, countries) — never a module's index.ts, which pulls in the store.
 */
const webBoundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const srcDir = path.join(import.meta.dirname, 'src') + path.sep;
    return {
      ImportDeclaration(node) {
        const spec = node.source.value;
        if (typeof spec !== 'string' || !spec.startsWith('.')) return;
        const target = path.resolve(path.dirname(context.filename), spec);
        if (!target.startsWith(srcDir)) return;
        const rel = target.slice(srcDir.length).split(path.sep).join('/');
        if (!WEB_MAY_IMPORT.some((re) => re.test(rel))) {
          context.report({ node, message: `web/ imports from src/ only *.schemas.ts, kernel/markings.ts and kernel/countries.ts (browser-safe), not ${rel}.` });
        }
      },
    };
  },
};

// Roles allowed their one library: stores (Kysely, drivers), the server (Fastify), the CLI (commander).
const ROLE_FREE = ['src/store/**', 'src/**/*.store.ts', 'src/server/**', 'src/cli/**', 'src/**/*.test.ts'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'web/dist/**', '.tmp/**', 'eslint.config.js', 'bin/**', 'scripts/**', 'web/public/**'] },
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
  { plugins: { sallyport: { rules: { 'module-boundaries': moduleBoundaries, 'web-boundaries': webBoundaries } } } },
  { files: ['src/**/*.ts'], rules: { 'sallyport/module-boundaries': 'error' } },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      // Warns on TanStack Virtual for the React Compiler's sake; this app does not use the compiler.
      'react-hooks/incompatible-library': 'off',
      'sallyport/web-boundaries': 'error',
      'no-restricted-imports': ['error', { paths: ROLE_PATHS, patterns: [{ group: ['node:*'], message: 'web/ runs in the browser.' }] }],
    },
  },
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

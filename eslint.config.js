// ESLint flat config: typescript-eslint's recommended rules everywhere, React hooks rules in the renderer,
// and the layers (renderer, src-shared, core, db) kept apart by no-restricted-imports.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** An import pattern a layer may not use, matched on the import text (relative paths included). */
function forbid(regex, message) {
  return { regex, message };
}

const NODE_RUNTIME = [
  forbid('^node:', 'Node built-ins belong in src-main.'),
  forbid(
    '^(electron|better-sqlite3|better-sqlite3-multiple-ciphers)(/|$)',
    'Electron and the database belong in src-main.',
  ),
  forbid('^drizzle-orm(/|$)', 'drizzle belongs in src-main/db and core.'),
];

/** Each layer and what it must not reach; every rule object replaces the previous one for its files. */
const LAYERS = [
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    patterns: [
      forbid('(^|/)src-main(/|$)', 'The renderer reaches main only through the contract in src-shared.'),
      ...NODE_RUNTIME,
    ],
  },
  {
    files: ['src-shared/**/*.ts'],
    patterns: [
      forbid('(^|/)(src-main|src-renderer)(/|$)', 'src-shared is the bottom layer: it imports nothing above it.'),
      ...NODE_RUNTIME,
      forbid('^(react|react-dom)(/|$)', 'src-shared holds no UI code.'),
    ],
  },
  {
    files: ['src-main/core/**/*.ts'],
    patterns: [
      forbid('(^|/)(ipc|platform|cli)(/|$)', 'Core is called by the doors (ipc, cli); it never imports them.'),
      forbid('^electron(/|$)', 'Core runs under plain Node: no Electron.'),
      forbid('(^|/)src-renderer(/|$)', 'Main never imports the renderer.'),
    ],
  },
  {
    files: ['src-main/db/**/*.ts'],
    patterns: [
      forbid('(^|/)(core|ipc|platform|cli)(/|$)', 'The database layer sits below core: it never imports it.'),
      forbid('^electron(/|$)', 'The database layer runs under plain Node: no Electron.'),
      forbid('(^|/)src-renderer(/|$)', 'Main never imports the renderer.'),
    ],
  },
  {
    files: ['src-main/{ipc,cli,platform}/**/*.ts', 'src-main/index.ts'],
    patterns: [forbid('(^|/)src-renderer(/|$)', 'Main never imports the renderer.')],
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/',
      'dist/',
      'native/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'src-main/db/migrations/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src-renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...LAYERS.map(({ files, patterns }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
  {
    files: ['scripts/**/*.mjs', 'packages/**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

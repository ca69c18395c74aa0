// Type-aware lint with zero warnings allowed; the layer rules keep imports flowing one way:
// http -> domain -> db inside the server, apps -> packages, and pure packages free of I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ['error', { patterns, paths: [] }];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '.test-data/**', 'apps/web/dev-dist/**', 'eslint.config.js', '**/*.mjs', 'apps/server/bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Async functions without await are common where an interface asks for a promise.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through config/config.ts only.' },
      ],
    },
  },
  {
    files: ['apps/server/src/http/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/db/*', '**/db/**', '!**/db/database.js'], message: 'HTTP reaches storage only through domain use cases.', allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['apps/server/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/http/**', 'fastify', 'fastify-*', '@fastify/*'], message: 'The domain knows nothing of HTTP.' },
      ]),
    },
  },
  {
    files: ['apps/server/src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/http/**', '**/domain/**', 'fastify', '@fastify/*'], message: 'The database layer is the bottom layer.' }]),
    },
  },
  {
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['@safeschools/server', '@safeschools/web', '**/apps/**'], message: 'Packages never import apps.' }]),
    },
  },
  {
    files: ['packages/domain/src/**/*.ts', 'packages/geo/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/src/testing/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['node:fs', 'node:fs/*', 'fs', 'node:net', 'node:http', 'node:https', 'node:child_process', 'pg', '@electric-sql/*', '@safeschools/server', '**/apps/**'], message: 'Domain knowledge and the geo engine are pure: no I/O.' },
      ]),
    },
  },
  {
    files: ['apps/server/src/config/config.ts', 'apps/server/src/main.ts', 'apps/server/src/cli/**/*.ts', '**/*.test.ts', '**/*.test.tsx', 'apps/server/src/testing/**', 'e2e/**', 'bench/**', 'scripts/**', '*.config.ts', 'apps/web/*.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);

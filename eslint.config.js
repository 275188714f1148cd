// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'clients/*/src/gql/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', Buffer: 'readonly', fetch: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      // Tests never leak into src (README.md, House style).
      'no-restricted-imports': ['error', { paths: [{ name: '@techally/testing', message: 'test helpers are for tests only' }] }],
    },
  },
  {
    // Package boundaries (README.md, House style): subgraphs never import each other or the gateway; the kernel imports none.
    files: ['subgraphs/**/src/**', 'packages/platform/src/**', 'packages/events/src/**', 'packages/demo-data/src/**', 'gateway/src/**'],
    ignores: ['**/__tests__/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@techally/testing', message: 'test helpers are for tests only' }],
          patterns: [
            {
              group: ['@techally/users', '@techally/products', '@techally/inventory', '@techally/orders', '@techally/payments', '@techally/reviews', '@techally/search', '@techally/gateway', '@techally/supergraph', '../../subgraphs/*', '../../../subgraphs/*'],
              message: 'services share code only through packages/platform and packages/events',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/__tests__/**', '**/*.test.ts', 'packages/testing/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

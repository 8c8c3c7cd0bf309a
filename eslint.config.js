import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'demo/', 'bench-results/', 'node_modules/', 'web-ext-artifacts/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure: it must run in the content script, the CLI, tests and benchmarks alike.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'chrome', message: 'src/core is pure: no extension APIs.' },
        { name: 'browser', message: 'src/core is pure: no extension APIs.' }],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['webextension-polyfill', '**/shared/*', '**/content/*', '**/background/*', '**/popup/*', '**/options/*', '**/reader/*', 'node:*', 'jsdom'],
          message: 'src/core is pure: DOM in, data out; no extension, Node or UI imports.' }] }],
    },
  },
);

// ESLint for the whole project (run by npm test): JavaScript's and typescript-eslint's recommended
// rules, and the Lit and web-component rules for the browser code. Layout is Prettier's job
// (npm run format), so no stylistic rule is turned on here.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

const browser = ['portal/**/*.ts', 'tools/dev/ui/**/*.ts'];

export default tseslint.config(
  { ignores: ['dist/', 'bench/baseline/', 'bench/tmp/', 'test/fixtures/', 'screenshots/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  { files: browser, ...wc.configs['flat/recommended'] },
  { files: browser, ...lit.configs['flat/recommended'] },
  {
    rules: {
      // Matching control characters is the point where RouterOS strings and terminal output are escaped.
      'no-control-regex': 'off',
      // `_name` marks a value left unused on purpose (a destructured-away property, an ignored argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  // Tests build invalid configs on purpose, so they may reach into objects without types.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);

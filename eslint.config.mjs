// ESLint: typescript-eslint's type-aware recommended rules over src/, test/, bench/ and scripts/.
// Prettier owns formatting (`npm run format:check`), so no stylistic rules are enabled here.
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Generated code (npm run gen:api / gen:cdktf / gen:cdktn / gen:proto) and build output.
    ignores: [
      'src/cdktf/gen/**',
      'src/cdktn/gen/**',
      'src/client/types.gen.ts',
      'src/provider/gen/protocol-codec.js',
      'src/spec/**',
      'dist/**',
      '.tmp/**',
      // What the benchmark and `portsip provider install` write (git-ignored build output and mirrors).
      '.bench/**',
      '.portsip/**',
      'node_modules/**',
      'examples/**',
      'docs/**',
      '**/cdktf.out/**',
      '**/cdktf.outdir.*/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a parameter kept for an interface's signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Off: an `async` function that does not await is how a Promise-returning interface is
      // implemented here (a synchronous throw then becomes a rejection, which callers rely on).
      '@typescript-eslint/require-await': 'off',
      // Off: attribute values have the type `Value` (a union that includes objects and lists); the
      // ones passed to String() are scalar attributes by schema (ids, names), which the type cannot say.
      '@typescript-eslint/no-base-to-string': 'off',
      // A caught value or an AbortSignal's reason (typed any/unknown) is passed on as received.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },
  {
    // Tests read JSON (terraform -json output, emulator and API responses) typed `any` by
    // JSON.parse; a wrong shape fails the test's own expectation, so `any` there and the
    // no-unsafe-* family would only demand casts that add nothing.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The emulator keeps request bodies and records as free-form JSON (`Json`, `Rec`: schemaless
    // on purpose, shapes checked by ajv against PortSIP's schemas), so values read from them are `any`.
    files: ['src/emulator/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain CommonJS scripts (build, generators, bench runner, jest config): no type information.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
);

// Lint: recommended JavaScript and type-aware TypeScript rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/protocol/**/*.ts'],
    ignores: ['src/protocol/**/*.test.ts'],
    rules: {
      // The engine is pure: no I/O, no clock.
      'no-restricted-imports': ['error', { patterns: ['node:*', '**/db/**', '**/web/**', '**/features/**', 'pg', 'kysely', 'fastify'] }],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'The engine takes the date as an argument.' }],
    },
  },
  {
    // The plumbing serves every feature and knows none: app.ts and src/features.ts hand it what it needs (the
    // session store, the navigation, the scheduler's work). Tests may reach into features to set up their cases.
    files: ['src/web/**/*.ts', 'src/db/**/*.ts', 'src/jobs/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.fixture.ts', '**/*.test-support.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/features/**', '**/features.ts'], message: 'web/, db/ and jobs/ are handed what they serve; they import no feature.' }] },
      ],
    },
  },
);

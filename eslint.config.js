// One lint configuration for the whole workspace.
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/generated/**',
      '**/.turbo/**',
      'data/**',
      '**/playwright-report/**',
      '**/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Every word a person reads comes from the i18n catalogs: text in JSX, and the attributes
    // that are read out or shown (labels, titles, placeholders). Tests may use literal text.
    files: ['apps/web/src/**/*.tsx'],
    ignores: ['apps/web/src/**/*.test.tsx', 'apps/web/src/lib/testing/**'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: [
              'aria-label',
              'aria-description',
              'aria-valuetext',
              'title',
              'placeholder',
              'alt',
              'label',
              'description',
              'eyebrow',
              'hint',
              'confirmLabel',
              'cancelLabel',
            ],
          },
          words: {
            // Punctuation, symbols and UPPER_CASE codes are not words to translate.
            exclude: ['[0-9!-/:-@[-`{-~\\s—–·…⌫×%▲▼↕→]+', '[A-Z_-]+', '^\\p{Emoji}+$'],
          },
        },
      ],
    },
  },
  {
    // The domain is pure: no I/O, no UI, no clock or randomness (they are injected).
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts', 'packages/domain/src/**/*.bench.ts', 'packages/domain/src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'fastify',
                '@fastify/*',
                '@prisma/*',
                'prisma',
                'react',
                'react-dom',
                'ws',
                'pg',
                '@electric-sql/*',
                'node:*',
                'fs',
                'path',
                'http',
              ],
              message: 'packages/domain is pure: no I/O or UI imports.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Inject the clock.' },
        { object: 'Math', property: 'random', message: 'Inject randomness.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Inject the clock.' },
      ],
    },
  },
  {
    // The layers point inwards: routes call use cases and read models, never the other way round.
    // app.ts is the composition root that mounts the routes.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/routes/**', 'apps/api/src/app.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)routes/',
              message:
                'Only routes/ (and app.ts) import routes/: move what you need to a use case, read model or @atelier/contracts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contracts run in the browser too: zod and the domain only, nothing of the server.
    files: ['packages/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'fastify',
                'fastify-*',
                '@fastify/*',
                '@prisma/*',
                'prisma',
                'pg',
                'ws',
                '@electric-sql/*',
                'node:*',
                'fs',
                'path',
                'http',
                'react',
                'react-dom',
                '@atelier/api',
                '@atelier/web',
              ],
              message: 'packages/contracts is shared with the browser: no server or UI imports.',
            },
            { regex: '^\\.\\./', message: 'packages/contracts imports only its own modules, zod and @atelier/domain.' },
          ],
        },
      ],
    },
  },
);

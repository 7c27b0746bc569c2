// One lint configuration for the whole workspace.
import js from '@eslint/js';
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

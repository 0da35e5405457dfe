// Lint rules that protect the architecture, above all workflow determinism: workflow code may
// not import Node built-ins, I/O libraries or platform code, and reaches activities only through
// `import type` + proxyActivities (as in Temporal's samples).
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'dns', 'timers', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'prisma/generated/', 'admin-ui/dist/', '.data/', 'test/support/summary-reporter.js', 'jest.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NODE_BUILTINS, message: 'Workflow code is deterministic: no Node built-ins (use activities).' },
            {
              group: ['**/activities', '**/activities/*'],
              allowTypeImports: true,
              message: 'Reach activities through proxyActivities with `import type`.',
            },
            {
              group: ['**/platform/*', '**/api/*', '**/prisma/*', '@prisma/*', 'pg', 'express', 'pino', '@temporalio/client', '@temporalio/worker', 'uuid'],
              message: 'Workflow code does no I/O and uses only @temporalio/workflow APIs.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() or condition() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() in a loop from @temporalio/workflow.' },
        { name: 'fetch', message: 'Workflows do no I/O: call an activity.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use uuid4() or a value passed in from an activity.' },
      ],
    },
  },
);

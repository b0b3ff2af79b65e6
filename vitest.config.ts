import { defineConfig } from 'vitest/config';

// One command (`npm test`) runs every project. Integration and end-to-end tests share one
// local stack (DynamoDB Local, s3rver, cognito-local, SES catcher, the local server) that the
// "stack" project's global setup starts once.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
      {
        extends: true,
        test: {
          name: 'stack',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['./test/support/global-stack.ts'],
          // One file at a time: the files share one stack, and several prove that a refused request
          // changed nothing by fingerprinting the whole table and bucket.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

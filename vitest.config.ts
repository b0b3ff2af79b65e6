import { defineConfig } from 'vitest/config';

// One command (`npm test`) runs every project. A feature's tests live in test/features/<feature>/:
// `*.unit.test.ts` are unit tests, the others run against the local stack. Integration and end-to-end tests share one
// local stack (DynamoDB Local, s3rver, cognito-local, SES catcher, the local server) that the
// "stack" project's global setup starts once.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/features/**/*.unit.test.ts'] } },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
      {
        extends: true,
        test: {
          name: 'stack',
          include: ['test/features/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          exclude: ['test/features/**/*.unit.test.ts'],
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

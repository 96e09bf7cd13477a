/** Jest runs TypeScript through swc (no type check; `npm run typecheck` does that separately). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  testTimeout: 60000,
  // Acceptance tests start terraform processes; two workers match the 2-core CI machine.
  maxWorkers: 2,
  // The packaged provider and CLI, built once before the workers start (test/packaged.ts).
  globalSetup: '<rootDir>/test/global-setup.ts',
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};

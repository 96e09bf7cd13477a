/**
 * One jest configuration, two projects (tiers):
 *  - `unit`: everything that needs no terraform binary and no jsii build (`npm run test:unit`);
 *  - `acc`: the tests that run real terraform (`npm run test:acc`), which also need the bundles
 *    (`npm run build`) and, except with PORTSIP_ACC_PROVIDER=bundle, the packaged provider that the
 *    project's globalSetup builds once before the workers start (test/packaged.ts).
 * `npm test` runs both. Jest runs TypeScript through swc (no type check; `npm run typecheck` does that).
 */
const shared = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
};

/** Test files that start terraform (directly or through test/acceptance/harness.ts). */
const ACCEPTANCE = [
  '<rootDir>/test/acceptance/**/*.test.ts',
  '<rootDir>/test/reliability/**/*.test.ts',
  '<rootDir>/test/provider/e2e.test.ts',
];

module.exports = {
  testTimeout: 60000,
  // Acceptance tests start terraform processes; two workers match the 2-core CI machine.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/acceptance/',
        '<rootDir>/test/reliability/',
        '<rootDir>/test/provider/e2e\\.test\\.ts$',
      ],
    },
    {
      ...shared,
      displayName: 'acc',
      testMatch: ACCEPTANCE,
      globalSetup: '<rootDir>/test/global-setup.ts',
    },
  ],
};

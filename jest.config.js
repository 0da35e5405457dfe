// Jest runs TypeScript through ts-jest (transpile only; `npm test` type-checks separately).
// Run it through `npm test`, which prepares PostgreSQL and Temporal first.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Transpile only, to CommonJS: jest's module system cannot run a dynamic import() without
  // --experimental-vm-modules, and the generated Prisma client loads its WebAssembly that way.
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: { module: 'commonjs', moduleResolution: 'node' } }],
  },
  // The generated Prisma client imports its siblings as './x.js' (node16 resolution); map them to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 120_000,
  maxWorkers: 2,
  verbose: true,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};

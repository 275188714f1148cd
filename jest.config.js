// One jest run for the whole workspace. Sources are compiled by @swc/jest with decorator metadata on, which
// type-graphql and MikroORM need (tsx/esbuild do not emit it, DESIGN.md §8). Workspace packages resolve to
// their sources, so tests never depend on a prior build.
/** @type {import('jest').Config} */
const swc = ['@swc/jest', { ...require('./swc.config'), sourceMaps: 'inline' }];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/subgraphs', '<rootDir>/gateway'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    // Generated code imports './x.js' (ESM style); under jest the source is './x.ts'.
    '^(\\.{1,2}/[^.]*)\\.js$': '$1',
    '^@techally/(platform|testing|supergraph|demo-data|events)$': '<rootDir>/packages/$1/src/index.ts',
    '^@techally/gateway$': '<rootDir>/gateway/src/index.ts',
    '^@techally/web-client$': '<rootDir>/clients/web/src/index.ts',
    '^@techally/(users|products|inventory|orders|payments|reviews|search)$': '<rootDir>/subgraphs/$1/src/index.ts',
  },
  // Integration suites create databases and start servers; a generous timeout, never a timed assertion.
  testTimeout: 60_000,
  maxWorkers: 2,
};

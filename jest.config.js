// One jest run for the whole workspace. Sources are compiled by @swc/jest with decorator metadata on, which
// type-graphql and MikroORM need (tsx/esbuild do not emit it, README.md, Design decisions). Workspace packages resolve to
// their sources, so tests never depend on a prior build.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

/** @type {import('jest').Config} */
const swc = ['@swc/jest', { ...require('./swc.config'), sourceMaps: 'inline' }];

module.exports = {
  testEnvironment: '<rootDir>/packages/testing/src/jest/worker-database-environment.js',
  globalTeardown: '<rootDir>/packages/testing/src/jest/global-teardown.js',
  roots: ['<rootDir>/packages', '<rootDir>/subgraphs', '<rootDir>/gateway', '<rootDir>/clients'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    // Generated code and the ESM packages (clients/sdk) import './x.js' or '../../x.js'; under jest the source is x.ts.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    ...workspaceSources(),
  },
  reporters: ['default', '<rootDir>/packages/testing/src/jest/slowest-suites-reporter.js'],
  // The longest suites first (a fresh clone has no timing cache to order by), so none starts last alone.
  testSequencer: '<rootDir>/packages/testing/src/jest/slow-suites-first-sequencer.js',
  // Integration suites create databases and start servers; a generous timeout, never a timed assertion.
  testTimeout: 60_000,
  maxWorkers: 2,
};

/**
 * `@techally/<name>` → that package's src/index.ts, for every workspace package that has one (read from the
 * packages' manifests, so a subgraph is mapped once it exists and never before).
 */
function workspaceSources() {
  const folders = ['gateway', ...['packages', 'subgraphs', 'clients'].flatMap((parent) => subfolders(parent))];
  const mapping = {};
  for (const folder of folders) {
    const manifest = join(__dirname, folder, 'package.json');
    if (!existsSync(manifest) || !existsSync(join(__dirname, folder, 'src/index.ts'))) continue;
    const { name } = JSON.parse(readFileSync(manifest, 'utf8'));
    if (name.startsWith('@techally/')) mapping[`^${name}$`] = `<rootDir>/${folder}/src/index.ts`;
  }
  return mapping;
}

function subfolders(parent) {
  return readdirSync(join(__dirname, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${parent}/${entry.name}`);
}

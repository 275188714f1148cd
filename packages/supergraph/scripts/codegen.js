#!/usr/bin/env node
// `pnpm codegen [--check]`: runs GraphQL Code Generator on codegen.yml from the repository root. With --check it
// writes nothing and exits non-zero when the committed client is stale (graphql-codegen's own --check).
const { spawnSync } = require('node:child_process');
const { resolve } = require('node:path');

const root = resolve(__dirname, '../../..');
const args = ['graphql-codegen', '--config', 'codegen.yml', ...process.argv.slice(2)];
const result = spawnSync('pnpm', ['exec', ...args], { cwd: root, stdio: 'inherit' });
if (result.status !== 0 && process.argv.includes('--check')) {
  console.error('✗ the generated client is stale: run `pnpm codegen` and commit clients/web/src/gql.');
}
process.exit(result.status ?? 1);

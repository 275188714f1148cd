#!/usr/bin/env node
// `pnpm codegen [--check]`: runs GraphQL Code Generator on codegen.yml from the repository root, then merges every
// app's persisted-documents manifest (clients/*/src/gql/persisted-documents.json) into the ONE manifest the gateway
// reads, clients/persisted-documents.json. With --check it writes nothing and exits non-zero when a generated
// client or the merged manifest is stale (graphql-codegen's own --check, then a comparison of the merge).
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');
const { parse } = require('graphql');

const root = resolve(__dirname, '../../..');
const MERGED_MANIFEST = join(root, 'clients/persisted-documents.json');
const check = process.argv.includes('--check');

const args = ['graphql-codegen', '--config', 'codegen.yml', ...process.argv.slice(2)];
const result = spawnSync('pnpm', ['exec', ...args], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  if (check) console.error('✗ a generated client is stale: run `pnpm codegen` and commit each app\'s src/gql.');
  process.exit(result.status ?? 1);
}

const merged = mergeManifests(appManifests());
const text = `${JSON.stringify(merged, null, 2)}\n`;
if (check) {
  const committed = existsSync(MERGED_MANIFEST) ? readFileSync(MERGED_MANIFEST, 'utf8') : '';
  if (committed !== text) {
    console.error('✗ clients/persisted-documents.json is stale: run `pnpm codegen` and commit it.');
    process.exit(1);
  }
} else {
  writeFileSync(MERGED_MANIFEST, text);
  console.log(`✔ ${relative(root, MERGED_MANIFEST)}: ${Object.keys(merged).length} documents`);
}

/** Every app's manifest written by the client preset: clients/<app>/src/gql/persisted-documents.json. */
function appManifests() {
  const clients = join(root, 'clients');
  return readdirSync(clients, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(clients, entry.name, 'src/gql/persisted-documents.json'))
    .filter((path) => existsSync(path))
    .map((path) => ({ path: relative(root, path), documents: JSON.parse(readFileSync(path, 'utf8')) }));
}

/**
 * One manifest from many, keys sorted so the file only changes when a document does. The same document in two
 * apps is one entry (same hash); two different documents under one operation name are refused: the gateway's
 * metrics and logs label operations by name, and a partner or SDK user reading them must know which one ran.
 */
function mergeManifests(manifests) {
  const byHash = {};
  const hashByName = new Map();
  for (const { path, documents } of manifests) {
    for (const [hash, document] of Object.entries(documents)) {
      byHash[hash] = document;
      for (const definition of parse(document).definitions) {
        if (definition.kind !== 'OperationDefinition' || !definition.name) continue;
        const name = definition.name.value;
        const seen = hashByName.get(name);
        if (seen && seen.hash !== hash) {
          console.error(`✗ operation ${name} is defined differently in ${seen.path} and ${path}: operation names are unique across apps`);
          process.exit(1);
        }
        hashByName.set(name, { hash, path });
      }
    }
  }
  return Object.fromEntries(Object.entries(byHash).sort(([a], [b]) => a.localeCompare(b)));
}

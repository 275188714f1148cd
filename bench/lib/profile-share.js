#!/usr/bin/env node
// The share of a .cpuprofile's busy time (idle and "(program)" aside) spent under code from files whose URL
// contains one of the given fragments, callees included: what a feature costs inside a whole process.
//
//   node bench/lib/profile-share.js results/x.cpuprofile /edge/limits/ graphql-armor
//
// Samples are weighted by their time deltas, as DevTools does; on a busy machine a delta also holds time the
// process waited for a core, so read the share as an estimate.
const { readFileSync } = require('node:fs');

const [file, ...fragments] = process.argv.slice(2);
if (!file || fragments.length === 0) {
  console.error('usage: profile-share.js <file.cpuprofile> <url fragment>...');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const matches = (node) => fragments.some((fragment) => (node.callFrame.url ?? '').includes(fragment));
const under = new Map();
const isUnder = (id) => {
  if (!under.has(id)) under.set(id, matches(byId.get(id)) || (parentOf.has(id) && isUnder(parentOf.get(id))));
  return under.get(id);
};
let busy = 0;
let matched = 0;
profile.samples.forEach((id, index) => {
  const name = byId.get(id).callFrame.functionName;
  if (name === '(idle)' || name === '(program)') return;
  const delta = profile.timeDeltas[index] ?? 0;
  busy += delta;
  if (isUnder(id)) matched += delta;
});
console.log(`${((100 * matched) / busy).toFixed(2)} % of ${(busy / 1e6).toFixed(1)} s busy under ${fragments.join(', ')}`);

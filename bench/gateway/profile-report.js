#!/usr/bin/env node
'use strict';
// Where a gateway's CPU went, from a V8 .cpuprofile (node --cpu-prof): every sample is charged to the nearest
// frame (walking from the leaf to the root) that belongs to a known area, so a native builtin counts for the
// code that called it — except JSON.parse/JSON.stringify and GC, which are areas of their own.
//
//   node bench/gateway/profile-report.js <file.cpuprofile> [top]
const { readFileSync } = require('node:fs');

const AREAS = [
  ['query planning', /@apollo\/query-planner|@apollo\/federation-internals/],
  ['plan executor + result merging (@apollo/gateway)', /@apollo\/gateway\/dist\/(executeQueryPlan|resultShaping|dataRewrites|utilities\/deepMerge)/],
  ['@apollo/gateway data source (RemoteGraphQLDataSource)', /@apollo\/gateway\/dist\/datasources/],
  ['@apollo/gateway other', /@apollo\/gateway\//],
  ['HTTP client (make-fetch-happen, node-fetch, minipass, undici)', /make-fetch-happen|node-fetch|minipass|minizlib|agentkeepalive|@npmcli|cacache|undici|socks|http-cache-semantics|lru-cache/],
  ['our gateway code (gateway/dist)', /\/gateway\/dist\//],
  ['our platform (plugins, context, HTTP server)', /\/packages\/platform\/dist\//],
  ['Apollo Server (request pipeline)', /@apollo\/server|@apollo\/utils/],
  ['graphql-js (parse, validate, execute)', /node_modules\/graphql\//],
  ['metrics (prom-client)', /prom-client/],
  ['logging (pino)', /pino/],
  ['opentelemetry', /opentelemetry/],
  ['module loading (start-up)', /^node:internal\/(modules|main)|^node:internal\/bootstrap/],
  ['Node http/net/streams', /^node:/],
];

function areaOfFrame({ url, functionName }) {
  if (functionName === '(garbage collector)') return 'GC';
  if (!url && (functionName === 'parse' || functionName === 'stringify')) return `JSON.${functionName}`;
  if (!url) return null;
  for (const [area, pattern] of AREAS) if (pattern.test(url)) return area;
  return 'other JS';
}

function report(profile, top = 25) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const areaOfNode = new Map();
  const resolveArea = (id) => {
    if (areaOfNode.has(id)) return areaOfNode.get(id);
    const node = nodes.get(id);
    let area = areaOfFrame(node.callFrame);
    if (area === null) area = parent.has(id) ? resolveArea(parent.get(id)) : `(${node.callFrame.functionName || 'native'})`;
    areaOfNode.set(id, area);
    return area;
  };
  const byArea = new Map();
  const byFunction = new Map();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') return;
    const micros = profile.timeDeltas[index] ?? 0;
    busy += micros;
    const area = resolveArea(id);
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${url.replace(/.*node_modules\//, '').replace(/^file:\/\//, '')}:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  });
  const total = profile.endTime - profile.startTime;
  const share = (map, limit) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, micros]) => ({ name, percent: Number(((micros / busy) * 100).toFixed(1)) }));
  return { busySeconds: busy / 1e6, wallSeconds: total / 1e6, byArea: share(byArea, 30), topFunctions: share(byFunction, top) };
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  const result = report(JSON.parse(readFileSync(file, 'utf8')), Number(top ?? 25));
  console.log(`busy ${result.busySeconds.toFixed(1)} s of ${result.wallSeconds.toFixed(1)} s (${((result.busySeconds / result.wallSeconds) * 100).toFixed(0)} %)`);
  console.log('\nby area (self time, natives charged to their caller):');
  for (const { name, percent } of result.byArea) console.log(`  ${String(percent).padStart(5)} %  ${name}`);
  console.log('\ntop functions (self time):');
  for (const { name, percent } of result.topFunctions) console.log(`  ${String(percent).padStart(5)} %  ${name}`);
}

module.exports = { report };

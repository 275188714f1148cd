'use strict';
// Where the supergraph process spent its CPU during the burst: a V8 .cpuprofile's self time by package (the
// gateway, the platform, ws, graphql-ws, Node's own net/stream code, GC…) and by function.

/** The package or area a script belongs to, from its URL. */
function areaOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pnpm) return pnpm[1];
  const workspace = /\/(gateway|packages\/[^/]+|subgraphs\/[^/]+)\/dist\//.exec(url);
  if (workspace) return `@techally ${workspace[1]}`;
  if (url.startsWith('node:')) return 'node: ' + url.slice(5).replace(/^internal\//, '').split('/')[0];
  return url;
}

function summariseProfile(profile, top = 12) {
  const selfMicros = new Map(profile.nodes.map((node) => [node.id, 0]));
  for (let index = 0; index < profile.samples.length; index++) {
    const id = profile.samples[index];
    selfMicros.set(id, selfMicros.get(id) + (profile.timeDeltas[index] ?? 0));
  }
  const byArea = new Map();
  const byFunction = new Map();
  let totalMicros = 0;
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id);
    if (!micros || node.callFrame.functionName === '(idle)') continue;
    totalMicros += micros;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
    const name = `${functionName || '(anonymous)'} ${area}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  const share = (entries) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, percent: Number(((micros / totalMicros) * 100).toFixed(1)) }));
  return { busySeconds: Number((totalMicros / 1e6).toFixed(2)), byArea: share(byArea), byFunction: share(byFunction) };
}

module.exports = { summariseProfile };

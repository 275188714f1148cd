'use strict';
// The gateway's subscription metrics (gateway/README.md, "Metrics"), read from its /metrics before and after a
// burst: the counters' differences and the latency histogram's quantiles over the burst alone.

/** Every sample of a Prometheus text exposition, by its name and labels as written (`name{a="b"}`). */
function parseExposition(text) {
  const samples = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([^\s{]+)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match) samples.set(match[1] + (match[2] ?? ''), Number(match[3]));
  }
  return samples;
}

async function scrape(metricsUrl) {
  const response = await fetch(metricsUrl);
  if (!response.ok) throw new Error(`${metricsUrl} answered ${response.status}`);
  return parseExposition(await response.text());
}

/** The sum of every sample of `name` whose labels contain each of `labels` (e.g. `stage="client"`). */
function total(samples, name, ...labels) {
  let sum = 0;
  for (const [key, value] of samples) {
    const base = key.split('{')[0];
    if (base !== name) continue;
    if (labels.every((label) => key.includes(label))) sum += value;
  }
  return sum;
}

/** `le` bounds (seconds) and cumulative counts of a histogram, sorted. */
function buckets(samples, name) {
  const rows = [];
  for (const [key, value] of samples) {
    if (!key.startsWith(`${name}_bucket{`)) continue;
    const le = /le="([^"]+)"/.exec(key)?.[1];
    rows.push({ le: le === '+Inf' ? Infinity : Number(le), count: value });
  }
  return rows.sort((a, b) => a.le - b.le);
}

/**
 * A quantile of the observations made between two scrapes, interpolated linearly inside its bucket as
 * Prometheus' histogram_quantile does; in milliseconds. Beyond the last finite bucket, that bucket's bound is
 * returned as ">".
 */
function quantileBetween(before, after, name, q) {
  const end = buckets(after, name);
  const start = new Map(buckets(before, name).map((row) => [row.le, row.count]));
  const delta = end.map((row) => ({ le: row.le, count: row.count - (start.get(row.le) ?? 0) }));
  const count = delta[delta.length - 1]?.count ?? 0;
  if (count === 0) return null;
  const rank = q * count;
  let previousLe = 0;
  let previousCount = 0;
  for (const row of delta) {
    if (row.count >= rank) {
      if (row.le === Infinity) return `>${Math.round(previousLe * 1000)}`;
      const inside = row.count - previousCount;
      const fraction = inside === 0 ? 1 : (rank - previousCount) / inside;
      return Number(((previousLe + (row.le - previousLe) * fraction) * 1000).toFixed(1));
    }
    previousLe = row.le;
    previousCount = row.count;
  }
  return null;
}

/** What the gateway says of its subscriptions right now. */
function subscriptionFigures(samples) {
  return {
    active: total(samples, 'graphql_subscriptions_active'),
    upstreams: total(samples, 'graphql_subscription_upstreams_active'),
    delivered: total(samples, 'graphql_subscription_events_delivered_total'),
    droppedClient: total(samples, 'graphql_subscription_events_dropped_total', 'stage="client"'),
    droppedBacklog: total(samples, 'graphql_subscription_events_dropped_total', 'stage="backlog"'),
  };
}

module.exports = { scrape, subscriptionFigures, quantileBetween };

// The suites that take longest, with what one took in CI (a fresh clone, real PostgreSQL and Redis, 2 workers on
// 2 cores; the slowest-suites reporter prints them after every run of more than one suite). Only the order
// matters: slow-suites-first-sequencer.js starts these first, longest first, so that none of them starts last and
// stretches the run while the other worker idles. Update it from that report when a suite joins the slowest or
// leaves them; a suite missing here is estimated by its name (`.e2e.` boots the whole supergraph, `.int.` a
// database or a server).
module.exports = {
  // CI, 2026-12-07 (238 suites, jest 426–446 s): the production-shape boot 44 s, the 100-checkout race 30–35 s,
  // live orders 25 s, the Redis restart 20–25 s, the embedded PostgreSQL 19 s.
  'packages/supergraph/src/__tests__/start-services.int.test.ts': 44,
  'packages/supergraph/src/__tests__/checkout-saga.e2e.test.ts': 35,
  'packages/supergraph/src/__tests__/live-orders.e2e.test.ts': 25,
  'packages/supergraph/src/__tests__/checkout-redis-restart.e2e.test.ts': 25,
  'packages/platform/src/db/__tests__/embedded-postgres.int.test.ts': 19,
};

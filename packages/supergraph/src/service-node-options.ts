/**
 * The V8 setting every service process of the production shape starts with (deploy/Dockerfile sets the same in
 * NODE_OPTIONS): a young generation of up to 32 MiB a semi-space instead of V8's default 16.
 *
 * Why: a GraphQL request allocates a few hundred KiB that die with it (parsed bodies, graphql-js's execution
 * objects, Apollo's hooks, rows, the response). With the default semi-space the scavenger runs so often under
 * load that objects of requests still in flight get promoted and later swept from the old generation: GC was
 * 20–25 % of the products subgraph's busy time. With a larger one the products subgraph served its listing at 50
 * connections with 18–30 % less CPU a request (bench/README.md, "Issue #10 (session 2026-12-07 b)"). Cost: at
 * most 2 × 16 MiB more resident memory a process, reached only under load (the semi-space grows when scavenges
 * keep objects alive).
 */
export const SERVICE_V8_OPTIONS = '--max-semi-space-size=32';

/**
 * `NODE_OPTIONS` for a service process: the operator's own, with {@link SERVICE_V8_OPTIONS} added unless they
 * already choose a semi-space size themselves.
 */
export function serviceNodeOptions(operatorOptions: string | undefined): string {
  const own = operatorOptions?.trim() ?? '';
  if (/--max-semi-space-size\b/.test(own)) return own;
  return own ? `${own} ${SERVICE_V8_OPTIONS}` : SERVICE_V8_OPTIONS;
}

import type { SubgraphOrm } from '../db/create-orm';

/**
 * What a subgraph's composition root (`create<Name>Subgraph(config)` in its app.ts) returns. `main.ts`, the
 * all-in-one embedded launcher and the tests all drive a subgraph through this, and nothing else.
 */
export interface SubgraphApp {
  /** The subgraph's name in the supergraph. */
  readonly name: string;
  readonly orm: SubgraphOrm;
  /** Applies committed migrations. */
  migrate(): Promise<void>;
  /** Loads the demo data when the subgraph's tables are empty; does nothing otherwise. */
  seed(options?: DemoSeedOptions): Promise<void>;
  /**
   * Starts serving, then its background workers (outbox relay, event consumers, sweepers); resolves with the
   * `/graphql` URL (port 0 picks a free port).
   */
  listen(port: number, host?: string): Promise<string>;
  /** Where `/metrics` is served once listening: a port of its own (METRICS_PORT), never the public one. */
  readonly metricsUrl: string | null;
  /** Stops serving (in-flight requests finish), then the workers, and closes the database pool. */
  stop(): Promise<void>;
}

/** How `seed()` loads the demo shop. */
export interface DemoSeedOptions {
  /**
   * Also write the demo shop's history to the outbox, in the seed's transaction, as the events it would have
   * published (the catalogue's `product-created`, the opening stock per warehouse, the past sales' `order-placed` and
   * `order-paid` at their own times), so the read models that learn only from the bus (recommendations, analytics,
   * notifications) start from the shop the other subgraphs hold. The interactive starts (`pnpm start`,
   * `SEED_DEMO_DATA=true pnpm start:services`) turn it on; the tests' supergraph leaves it off (default): hundreds of
   * events a boot would keep every e2e suite's consumers busy, and their specs count from read models that start empty.
   */
  readonly publishHistory?: boolean;
}

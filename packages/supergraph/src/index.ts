/** @techally/supergraph — the tooling that knows every subgraph: composition and the all-in-one start. */
export * from './subgraph-registry';
export * from './compose-supergraph';
export * from './embedded-supergraph';

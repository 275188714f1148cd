/** @techally/testing — helpers for tests only; never imported by a package's src/. */
export * from './test-database';
export * from './statement-counter';
export * from './forged-tokens';
export * from './graphql-request';
export * from './hostile-input';
export * from './migration-writer';
export * from './contract-stand-in';
export * from './migration-specs';
export * from './test-redis';
export * from './tcp-proxy';
export * from './stripe-fake';
export * from './graphql-ws-client';
export * from './private-redis';
export * from './child-process-output';
export * from './in-memory-tracing';
export * from './browser';
export * from './smtp-catcher';

/**
 * @techally/partner-example — what a partner's program does with an API key: reads the partner catalogue by
 * persisted-document ids only and lives within its rate limit. `main.ts` and `create-key.ts` are its CLIs.
 */
export { createPartnerClient, API_KEY_HEADER, type PartnerAnswer, type PartnerClient, type PartnerClientOptions } from './partner-client';
export { createPartnerKey, type CreatePartnerKeyOptions, type IssuedPartnerKey } from './create-partner-key';
export { loadPartnerExampleConfig, DEFAULT_GATEWAY_URL, type PartnerExampleConfig } from './partner-example-config';
export { runPartnerExample, type PartnerExampleDependencies, type PartnerExampleReport } from './run-partner-example';
export type { CatalogueReading, CatalogueProduct, CatalogueCategory } from './read-catalogue';
export type { RateLimitObservation } from './show-rate-limit';
export type { RateLimitRefusal } from './rate-limit-refusal';

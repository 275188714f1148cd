import { createPartnerClient } from './partner-client';
import type { PartnerExampleConfig } from './partner-example-config';
import { realSleep, type Sleep } from './polite-request';
import { readCatalogue, type CatalogueReading } from './read-catalogue';
import { showRateLimit, type RateLimitObservation } from './show-rate-limit';
import { describeCatalogue, describeRateLimitOutcome, describeRefusal } from './summary';

export interface PartnerExampleDependencies {
  /** Every request goes through it (a test records them). */
  readonly fetch?: typeof fetch;
  readonly sleep?: Sleep;
  /** Where the summary goes, line by line (default console.log). */
  readonly log?: (line: string) => void;
}

export interface PartnerExampleReport {
  readonly catalogue: CatalogueReading;
  /** Null when the catalogue was empty (no product to ask for). */
  readonly rateLimit: RateLimitObservation | null;
}

/** The whole example: read the partner catalogue, print it, then spend the key's budget and print what happened. */
export async function runPartnerExample(config: PartnerExampleConfig, dependencies: PartnerExampleDependencies = {}): Promise<PartnerExampleReport> {
  const log = dependencies.log ?? ((line: string) => console.log(line));
  const sleep = dependencies.sleep ?? realSleep;
  const client = createPartnerClient({ gatewayUrl: config.gatewayUrl, apiKey: config.apiKey, ...(dependencies.fetch ? { fetch: dependencies.fetch } : {}) });

  log(`Partner catalogue at ${config.gatewayUrl} (API key ${config.apiKey.slice(0, 15)}…, documents by id only)`);
  const catalogue = await readCatalogue({
    client,
    sleep,
    pageSize: config.pageSize,
    maxPages: config.maxPages,
    maxWaitSeconds: config.maxWaitSeconds,
    onWait: (seconds) => log(`  (rate limited while reading: waiting ${seconds} s as Retry-After asks)`),
  });
  describeCatalogue(catalogue).forEach((line) => log(line));

  const productId = catalogue.product?.id;
  if (!productId) {
    log('The catalogue is empty: nothing to spend the budget on.');
    return { catalogue, rateLimit: null };
  }
  log('');
  log(`Rate limit: asking for product ${productId} until the gateway says 429 (at most ${config.maxRequests} requests)…`);
  const rateLimit = await showRateLimit({
    client,
    sleep,
    productId,
    maxRequests: config.maxRequests,
    maxWaitSeconds: config.maxWaitSeconds,
    onRefusal: (refusal, admitted) => describeRefusal(refusal, admitted, config.maxWaitSeconds).forEach((line) => log(line)),
  });
  describeRateLimitOutcome(rateLimit).forEach((line) => log(line));
  return { catalogue, rateLimit };
}

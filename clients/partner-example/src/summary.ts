import type { RateLimitRefusal } from './rate-limit-refusal';
import type { CatalogueReading } from './read-catalogue';
import type { RateLimitObservation } from './show-rate-limit';

/** The catalogue as a few readable lines: the pages read, the product fetched by id, the category tree. */
export function describeCatalogue(reading: CatalogueReading): string[] {
  const read = reading.pages.reduce((count, page) => count + page.length, 0);
  const lines = [`  ${reading.totalCount} products; read ${read} on ${reading.pages.length} page(s)${reading.morePages ? ' (more pages follow)' : ''}:`];
  reading.pages.forEach((page, index) => {
    lines.push(`    page ${index + 1}`);
    for (const product of page) {
      lines.push(`      ${product.sku.padEnd(14)} ${product.name.slice(0, 44).padEnd(44)} ${product.price.formatted.padStart(10)}  ${product.inStock ? 'in stock' : 'out of stock'}`);
    }
  });
  if (reading.product) {
    const { product } = reading;
    const rating = product.rating.average === null ? 'no reviews' : `rated ${product.rating.average.toFixed(1)} (${product.rating.count})`;
    lines.push(`  product(id: ${product.id}): ${product.name} — ${product.price.formatted}, ${rating}, in ${product.category.name}, shipping ${product.shippingEstimate.formatted}`);
  }
  const topLevel = reading.categories.filter((category) => category.parent === null);
  lines.push(`  ${reading.categories.length} categories, ${topLevel.length} at the top: ${topLevel.map((category) => `${category.name} (${category.productCount})`).join(', ')}`);
  return lines;
}

/** The refusal, said before the wait so a reader knows why the script pauses. */
export function describeRefusal(refusal: RateLimitRefusal, admittedBeforeRefusal: number, maxWaitSeconds: number): string[] {
  return [
    `  ${admittedBeforeRefusal} request(s) admitted, then 429 RATE_LIMITED${refusal.budget ? ` (budget ${refusal.budget})` : ''}:`,
    `    "${refusal.message}"`,
    `    Retry-After: ${refusal.retryAfterHeader ?? '(none)'}; extensions.retryAfterSeconds: ${refusal.retryAfterSeconds}`,
    refusal.retryAfterSeconds <= maxWaitSeconds
      ? `  waiting ${refusal.retryAfterSeconds} s, as asked…`
      : `  not waiting ${refusal.retryAfterSeconds} s (more than RATE_LIMIT_MAX_WAIT_SECONDS=${maxWaitSeconds}).`,
  ];
}

/** How the demonstration ended. */
export function describeRateLimitOutcome(observation: RateLimitObservation): string[] {
  if (!observation.refused) {
    return [`  ${observation.requestsSent} requests, none refused: this key's budget is larger (raise RATE_LIMIT_MAX_REQUESTS, or use a basic key).`];
  }
  if (observation.statusAfterWait === null) return [];
  return observation.statusAfterWait === 200
    ? ['  admitted again: 200 OK after the wait.']
    : [`  still refused after the wait: HTTP ${observation.statusAfterWait}.`];
}

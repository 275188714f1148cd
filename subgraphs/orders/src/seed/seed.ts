import type { Logger, SubgraphOrm } from '@techally/platform';

/** Placeholder: the demo orders land in a later commit. */
export async function seedDemoOrders(_orm: SubgraphOrm, _logger?: Logger): Promise<void> {}

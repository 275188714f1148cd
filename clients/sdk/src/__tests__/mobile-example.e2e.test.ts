import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { startTestSupergraph, type TestSupergraph } from '../../../../packages/supergraph/src/__tests__/support/test-supergraph.js';
import { runMobileShop } from '../../examples/mobile-shop.js';

// The mobile-style example (examples/mobile-shop.ts) against the whole supergraph: every subgraph and the gateway
// in-process, migrated and seeded, through the SDK alone.
describe('the SDK mobile-shop example against the supergraph', () => {
  let supergraph: TestSupergraph;
  beforeAll(async () => {
    supergraph = await startTestSupergraph();
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  it('signs up, browses, checks out with 4242… and follows its order live to PAID', async () => {
    const lines: string[] = [];
    const run = await runMobileShop({ url: supergraph.gatewayUrl, WebSocket, email: `mobile-${randomUUID()}@example.com`, log: (line) => lines.push(line) });

    expect(run.liveStatuses.at(-1)).toBe('PAID');
    expect(run.orderNumber).toMatch(/^TA-/);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^payment SUCCEEDED/), 'order page: PAID']));
  });
});

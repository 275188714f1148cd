// `pnpm --filter @techally/sdk example` (with `pnpm start` running): the mobile journey against localhost:4000.
import WebSocket from 'ws';
import { runMobileShop } from './mobile-shop.js';

const url = process.env['GRAPHQL_URL'] ?? 'http://localhost:4000/graphql';
const email = `mobile-${Date.now().toString(36)}@example.com`;
runMobileShop({ url, WebSocket, email, log: (line) => console.log(line) }).then(
  (run) => console.log(`✔ ${run.orderNumber} PAID (live: ${run.liveStatuses.join(' → ')})`),
  (error: unknown) => {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into dist/ and served by the gateway at /admin/ (gateway/src/edge/apps). `pnpm --filter @techally/admin dev`
// serves it with hot reload and forwards /graphql (HTTP and WebSocket) to the gateway of `pnpm start`.
const gateway = process.env['GATEWAY_URL'] ?? 'http://localhost:4000';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/graphql': { target: gateway, ws: true, changeOrigin: true } } },
});

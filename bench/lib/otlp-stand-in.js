'use strict';
// A stand-in OpenTelemetry collector for benches: accepts OTLP/HTTP exports (POST /v1/traces, protobuf or JSON)
// on loopback, answers 200 at once and counts what it received — the export's cost to the traced services
// without running a real collector (and its CPU) on the bench machine.
const { createServer } = require('node:http');

/** Starts it on a free port; `endpoint` is what OTEL_EXPORTER_OTLP_ENDPOINT takes. */
async function startOtlpStandIn() {
  const received = { exports: 0, bytes: 0 };
  const server = createServer((request, response) => {
    request.on('data', (chunk) => (received.bytes += chunk.length));
    request.on('end', () => {
      if (request.url === '/v1/traces') received.exports += 1;
      response.writeHead(200, { 'content-type': request.headers['content-type'] ?? 'application/json' });
      response.end(request.headers['content-type']?.includes('json') ? '{}' : '');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${server.address().port}`,
    received,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

module.exports = { startOtlpStandIn };

import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createRecordLoader } from '../../loaders/entity-loaders';
import { inSpan } from '../spans';
import { startTracing, type Tracing } from '../start-tracing';
import { activeTraceparent, contextFromTraceparent, injectTraceHeaders } from '../trace-context';
import { loadTracingConfig } from '../tracing-config';
import { isTracingActive } from '../tracing-state';

const serviceOf = (span: ReadableSpan) => span.resource.attributes['service.name'];

describe('tracing switched off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  it('starts nothing: no span, no traceparent, the work runs as is', async () => {
    const config = loadTracingConfig('orders', {});
    expect(config).toEqual({ serviceName: 'orders', otlpEndpoint: null });
    const tracing = startTracing(config);
    expect(tracing.enabled).toBe(false);
    expect(isTracingActive()).toBe(false);
    expect(await inSpan('work', {}, async (span) => span)).toBeNull();
    expect(activeTraceparent()).toBeUndefined();
    expect(injectTraceHeaders(() => undefined)).toBe(false);
  });

  it('refuses an endpoint that is not a URL, naming the variable', () => {
    expect(() => loadTracingConfig('orders', { OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });
});

describe('tracing switched on', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  beforeAll(() => {
    tracing = startTracing({ serviceName: 'supergraph', otlpEndpoint: null }, { exporter });
  });
  afterEach(() => exporter.reset());
  afterAll(() => tracing.shutdown());

  it('names each span after the service its work belongs to, the process’s own by default', async () => {
    await inSpan('gateway work', { service: 'gateway' }, async () => {
      await inSpan('inner', {}, async () => undefined); // inherits the service of its parent
    });
    await inSpan('unclaimed', {}, async () => undefined);
    const services = Object.fromEntries(exporter.getFinishedSpans().map((span) => [span.name, serviceOf(span)]));
    expect(services).toEqual({ inner: 'gateway', 'gateway work': 'gateway', unclaimed: 'supergraph' });
  });

  it('continues a traceparent, and injects the running span’s own', async () => {
    const parent = contextFromTraceparent('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    const headers: Record<string, string> = {};
    await inSpan('fetch', { parent }, async (span) => {
      injectTraceHeaders((name, value) => (headers[name] = value));
      expect(activeTraceparent()).toBe(`00-0af7651916cd43dd8448eb211c80319c-${span!.spanContext().spanId}-01`);
    });
    expect(headers['traceparent']).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[\da-f]{16}-01$/);
    expect(exporter.getFinishedSpans()[0]!.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
  });

  it('records inner work (SQL, loader batches) only inside a trace, so background polling leaves no one-span traces', async () => {
    const loader = createRecordLoader(async (ids: ReadonlyArray<string>) => ids.map((id) => ({ id })), (row) => row.id, { name: 'load Thing by id' });
    await context.with(trace.deleteSpan(context.active()), () => loader.load('outside'));
    expect(exporter.getFinishedSpans()).toEqual([]);

    await inSpan('request', {}, async () => Promise.all([loader.load('a'), loader.load('b')]));
    const batch = exporter.getFinishedSpans().find((span) => span.name === 'load Thing by id');
    expect(batch?.attributes['dataloader.batch.size']).toBe(2);
    const request = exporter.getFinishedSpans().find((span) => span.name === 'request')!;
    expect(batch?.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
  });

  it('marks a span whose work threw as an error and lets the error go on', async () => {
    await expect(inSpan('failing', {}, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(exporter.getFinishedSpans()[0]!.status).toMatchObject({ code: 2, message: 'boom' });
  });
});

import { url } from 'envalid';
import { readEnv } from '../config/env';

/** Whether and where this process exports its spans (README.md, "Tracing"). */
export interface TracingConfig {
  /** `service.name` of the process's spans (`gateway`, `orders`, …; `supergraph` for the embedded start). */
  readonly serviceName: string;
  /** OTLP/HTTP base URL (`http://collector:4318`): spans go to `<url>/v1/traces`. Null: no tracing at all. */
  readonly otlpEndpoint: string | null;
}

/**
 * Reads OTEL_EXPORTER_OTLP_ENDPOINT once, at start. The other OTEL_* variables the SDK defines
 * (OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER, OTEL_RESOURCE_ATTRIBUTES, …) are read by the SDK itself.
 */
export function loadTracingConfig(serviceName: string, source: Record<string, string | undefined> = process.env): TracingConfig {
  // Set but empty (`OTEL_EXPORTER_OTLP_ENDPOINT=` in a compose file) means off, as unset.
  const endpoint = source['OTEL_EXPORTER_OTLP_ENDPOINT']?.trim() || undefined;
  const env = readEnv(
    {
      OTEL_EXPORTER_OTLP_ENDPOINT: url({
        default: undefined,
        desc: 'OTLP/HTTP collector (http://localhost:4318): each request, plan, fetch, loader batch, SQL statement and event is traced there. Unset: no tracing.',
      }),
    },
    { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint },
  );
  return Object.freeze({ serviceName, otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT ?? null });
}

/**
 * Whether this process records spans. Tracing is process-wide by nature (OpenTelemetry's API keeps its
 * provider, propagator and context manager in globals), so this one flag is too: every helper of this folder
 * reads it first and, when it is off, calls straight through without touching the API (near-zero cost).
 */
let active = false;

export function isTracingActive(): boolean {
  return active;
}

export function setTracingActive(value: boolean): void {
  active = value;
}

import { ConfigError } from '@techally/platform';

/** Where usage reports go: on when both APOLLO_KEY and APOLLO_GRAPH_REF are set. */
export interface ApolloStudioGraph {
  readonly key: string;
  /** `graph-id@variant` */
  readonly graphRef: string;
}

/** Usage reporting to Apollo GraphOS (Studio): the graph, or null (off), and why it is off when that may surprise. */
export interface ApolloStudioConfig {
  readonly graph: ApolloStudioGraph | null;
  readonly notice: string | null;
}

export const APOLLO_STUDIO_VARIABLES = Object.freeze({
  APOLLO_KEY: 'A graph API key of GraphOS: with APOLLO_GRAPH_REF, the gateway sends usage reports (operations, latency, field usage).',
  APOLLO_GRAPH_REF: 'The graph and variant the usage is reported to (graph-id@variant).',
});

/**
 * Reads APOLLO_KEY and APOLLO_GRAPH_REF. Both: reporting on. Neither: off. One alone is off as well, with the
 * reason returned for the start log — not a refusal to start, because rover reads APOLLO_KEY too and a
 * developer's shell often has it for publishing schemas.
 */
export function loadApolloStudioConfig(source: Record<string, string | undefined>): ApolloStudioConfig {
  const key = source['APOLLO_KEY']?.trim() || undefined;
  const graphRef = source['APOLLO_GRAPH_REF']?.trim() || undefined;
  if (graphRef !== undefined && !/^[A-Za-z0-9_-]+(@[A-Za-z0-9_.-]+)?$/.test(graphRef)) {
    throw new ConfigError({ APOLLO_GRAPH_REF: `must be graph-id@variant, got "${graphRef}"` });
  }
  if (key && graphRef) return Object.freeze({ graph: Object.freeze({ key, graphRef }), notice: null });
  if (key) return Object.freeze({ graph: null, notice: 'APOLLO_KEY is set without APOLLO_GRAPH_REF: no usage reporting' });
  if (graphRef) return Object.freeze({ graph: null, notice: 'APOLLO_GRAPH_REF is set without APOLLO_KEY: no usage reporting' });
  return Object.freeze({ graph: null, notice: null });
}

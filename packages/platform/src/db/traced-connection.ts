import type { LogContext } from '@mikro-orm/core';
import { PostgreSqlConnection } from '@mikro-orm/postgresql';
import { ATTR_DB_NAMESPACE, ATTR_DB_OPERATION_NAME, ATTR_DB_QUERY_TEXT, ATTR_DB_SYSTEM_NAME } from '@opentelemetry/semantic-conventions';
import { inSpan, SpanKind } from '../tracing/spans';
import { isTracingActive } from '../tracing/tracing-state';

/** Longest statement text kept on a span (a batch insert of 500 rows would otherwise be megabytes). */
const MAX_QUERY_TEXT = 2_000;

/**
 * MikroORM's pg connection with a CLIENT span per SQL statement (`SELECT orders`), inside a trace only: a
 * request's statements hang under its loader batch or resolver, while an outbox relay polling every 100 ms
 * records nothing. Every statement MikroORM runs — entity loads, flushes, query builders, `execute` of raw
 * SQL — goes through `executeQuery`, so this is the one place that sees them all, on a real PostgreSQL and on
 * the embedded PGlite alike (the wire server below is not touched). The text is the statement with its `?`
 * placeholders, never the values bound to them.
 */
export class TracedPostgreSqlConnection extends PostgreSqlConnection {
  override executeQuery<T>(query: string, cb: () => Promise<T>, context?: LogContext): Promise<T> {
    if (!isTracingActive()) return super.executeQuery(query, cb, context);
    const text = (context?.query ?? query).slice(0, MAX_QUERY_TEXT);
    const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
    const schema = this.config.get('schema') ?? 'public';
    return inSpan(
      `${operation} ${schema}`,
      {
        kind: SpanKind.CLIENT,
        onlyInTrace: true,
        attributes: { [ATTR_DB_SYSTEM_NAME]: 'postgresql', [ATTR_DB_NAMESPACE]: schema, [ATTR_DB_OPERATION_NAME]: operation, [ATTR_DB_QUERY_TEXT]: text },
      },
      () => super.executeQuery(query, cb, context),
    );
  }
}

/**
 * The `operation` label of the operation metrics. Every label value is a time series kept for ever, and an
 * operation name is whatever the client wrote: used as is, one client could grow `/metrics` without bound
 * (issue #9, item 14). So a label is one of a bounded set of names, else `other`.
 */
export type OperationLabel = (operationName: string | null | undefined) => string;

export const OTHER_OPERATION = 'other';
export const ANONYMOUS_OPERATION = 'anonymous';

/** Names known in advance (the persisted-documents manifest at the gateway); any other name is `other`. */
export function knownOperationLabel(names: Iterable<string>): OperationLabel {
  const known = new Set(names);
  return (name) => (!name ? ANONYMOUS_OPERATION : known.has(name) ? name : OTHER_OPERATION);
}

/**
 * The first `limit` distinct names seen, then `other`: for a subgraph, whose operations are the gateway's query
 * plans (a bounded set in practice) but which must stay bounded whoever calls it.
 */
export function firstSeenOperationLabel(limit = 200): OperationLabel {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return ANONYMOUS_OPERATION;
    if (seen.has(name)) return name;
    if (seen.size >= limit) return OTHER_OPERATION;
    seen.add(name);
    return name;
  };
}

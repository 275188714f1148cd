import { useEffect, useState } from 'react';
import { useClient, type AnyVariables, type CombinedError, type TypedDocumentNode } from 'urql';

interface Page<Node> {
  readonly nodes: ReadonlyArray<Node>;
  readonly hasNextPage: boolean;
  readonly endCursor: string | null | undefined;
}

/**
 * Reads a connection page by page until `enough` says the pages so far suffice or `maxPages` were read (the
 * graph has no "orders placed today" filter nor a low-stock query: the dashboard derives both from listings).
 * `generation` reads it all again.
 */
export function usePagedScan<Data, Node>(
  document: TypedDocumentNode<Data, { first: number; after?: string | null }>,
  pageOf: (data: Data) => Page<Node>,
  { pageSize, maxPages, enough, generation }: { pageSize: number; maxPages: number; enough: (nodes: ReadonlyArray<Node>) => boolean; generation: number },
): { nodes: ReadonlyArray<Node>; fetching: boolean; error: CombinedError | undefined; complete: boolean } {
  const client = useClient();
  const [state, setState] = useState<{ nodes: ReadonlyArray<Node>; fetching: boolean; error: CombinedError | undefined; complete: boolean }>({
    nodes: [],
    fetching: true,
    error: undefined,
    complete: false,
  });
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      setState((previous) => ({ ...previous, fetching: true }));
      const nodes: Node[] = [];
      let after: string | null | undefined = null;
      for (let page = 0; page < maxPages; page++) {
        const result = await client.query(document, { first: pageSize, after } as { first: number; after?: string | null } & AnyVariables, { requestPolicy: 'network-only' }).toPromise();
        if (cancelled) return;
        if (!result.data) return setState({ nodes, fetching: false, error: result.error, complete: false });
        const { nodes: more, hasNextPage, endCursor } = pageOf(result.data);
        nodes.push(...more);
        if (!hasNextPage || enough(nodes)) return setState({ nodes, fetching: false, error: undefined, complete: true });
        after = endCursor;
      }
      setState({ nodes, fetching: false, error: undefined, complete: false });
    })();
    return () => {
      cancelled = true;
    };
    // The callbacks are inline (new each render): a new scan is asked for by `generation`, not by them.
  }, [client, document, pageSize, maxPages, generation]);
  return state;
}

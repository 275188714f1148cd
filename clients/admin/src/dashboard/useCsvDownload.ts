import { useState } from 'react';
import type { Client, CombinedError } from 'urql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/**
 * Asks the graph for a CSV (a String field, sent by persisted id like every operation, with the admin's token)
 * and hands it to the browser as a file: a Blob of UTF-8 text without a byte order mark, saved under `filename`.
 */
export function useCsvDownload<V extends Record<string, unknown>>(
  client: Client,
  operation: TypedDocumentNode<{ salesReportCsv: string }, V>,
  variables: V,
  filename: string,
) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>(undefined);
  const download = async () => {
    setBusy(true);
    setError(undefined);
    const result = await client.query(operation, variables, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (result.error || !result.data) {
      setError(result.error);
      return;
    }
    const url = URL.createObjectURL(new Blob([result.data.salesReportCsv], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  };
  return { busy, error, download };
}

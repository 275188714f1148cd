export interface GraphQLResponse<Data = Record<string, unknown>> {
  readonly data?: Data | null;
  readonly errors?: ReadonlyArray<{
    message: string;
    path?: ReadonlyArray<string | number>;
    extensions?: Record<string, unknown>;
  }>;
}

/**
 * POSTs one GraphQL operation to a URL (a subgraph or the gateway) and returns the parsed body. Tests use it
 * for what the generated client cannot express on purpose: malformed tokens, raw `_entities` calls.
 */
export async function postGraphQL<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}

/** The `extensions.code` of each error, for assertions that read like the contract. */
export function errorCodes(response: GraphQLResponse<unknown>): string[] {
  return (response.errors ?? []).map((error) => String(error.extensions?.['code']));
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

import type { ApiKeyLookupAnswer } from '@techally/platform';

/** Asks the users subgraph about a key by its hash; rejects when it cannot answer (down, slow, refusing us). */
export type ApiKeyLookup = (keyHash: string) => Promise<ApiKeyLookupAnswer>;

export interface ApiKeyLookupClientOptions {
  readonly url: string;
  readonly secret: string | null;
  readonly timeoutMs: number;
}

/**
 * The HTTP client of the users subgraph's `POST /internal/api-keys/lookup`. Only the key's SHA-256 is sent: the
 * key itself never leaves the gateway.
 */
export function createApiKeyLookupClient(options: ApiKeyLookupClientOptions): ApiKeyLookup {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.secret) headers['authorization'] = `Bearer ${options.secret}`;
  return async (keyHash) => {
    const response = await fetch(options.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ keyHash }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new Error(`API key lookup answered HTTP ${response.status}`);
    }
    const answer = (await response.json()) as ApiKeyLookupAnswer;
    if (answer.status !== 'active' && answer.status !== 'expired' && answer.status !== 'unknown') {
      throw new Error('API key lookup answered something else than a lookup answer');
    }
    return answer;
  };
}

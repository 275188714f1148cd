/**
 * `pnpm --filter search reindex`: moves the Elasticsearch alias to a new index built with the current mapping
 * (backend/elasticsearch/reindex.ts). Reads ELASTICSEARCH_URL and ELASTICSEARCH_INDEX like the subgraph.
 */
import { Client } from '@elastic/elasticsearch';
import { ConfigError } from '@techally/platform';
import { reindex } from './backend/elasticsearch/reindex';
import { loadSearchConfig } from './config';

async function main(): Promise<void> {
  const config = loadSearchConfig();
  if (!config.elasticsearch) throw new ConfigError({ ELASTICSEARCH_URL: 'is required to reindex: the PostgreSQL backend has no index to rebuild' });
  const client = new Client({ node: config.elasticsearch.url });
  try {
    await reindex(client, config.elasticsearch.index, (message) => console.log(message));
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

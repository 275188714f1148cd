import type { Client, estypes } from '@elastic/elasticsearch';

/**
 * The index behind the alias searches and writes go to (`ELASTICSEARCH_INDEX`, default `techally-products`).
 * Physical indexes are `<alias>-<yyyymmddhhmmssSSS>`; `reindex.ts` builds a new one and moves the alias to it.
 */
export const INDEX_SETTINGS: estypes.IndicesIndexSettings = {
  analysis: {
    filter: {
      english_stop: { type: 'stop', stopwords: '_english_' },
      english_stemmer: { type: 'stemmer', language: 'english' },
      english_possessive_stemmer: { type: 'stemmer', language: 'possessive_english' },
      prefixes: { type: 'edge_ngram', min_gram: 1, max_gram: 20 },
    },
    analyzer: {
      // As PostgreSQL's 'english' configuration: lower case, stop words out, stems ("headphones" → "headphon").
      english_text: { type: 'custom', tokenizer: 'standard', filter: ['english_possessive_stemmer', 'lowercase', 'english_stop', 'english_stemmer'] },
      // Type-ahead: every prefix of every word of a name, searched with whole words.
      name_prefixes: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'prefixes'] },
      words: { type: 'custom', tokenizer: 'standard', filter: ['lowercase'] },
    },
    normalizer: { lowercase: { type: 'custom', filter: ['lowercase'] } },
  },
};

/** Times are epoch milliseconds, so the write scripts compare numbers. */
export const INDEX_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    sku: { type: 'keyword', normalizer: 'lowercase' },
    name: {
      type: 'text',
      analyzer: 'english_text',
      copy_to: 'spelling',
      fields: {
        prefixes: { type: 'text', analyzer: 'name_prefixes', search_analyzer: 'words' },
        sort: { type: 'keyword', normalizer: 'lowercase' },
      },
    },
    slug: { type: 'keyword' },
    description: { type: 'text', analyzer: 'english_text' },
    status: { type: 'keyword' },
    price_amount: { type: 'integer' },
    currency: { type: 'keyword' },
    category_id: { type: 'keyword' },
    category_path: { type: 'keyword' },
    category_names: { type: 'text', analyzer: 'english_text', copy_to: 'spelling' },
    // The words of names and categories unstemmed: the dictionary the term suggester corrects typos against.
    spelling: { type: 'text', analyzer: 'words' },
    created_at: { type: 'date', format: 'epoch_millis' },
    source_updated_at: { type: 'date', format: 'epoch_millis' },
    in_stock: { type: 'boolean' },
    available: { type: 'integer' },
    stock_at: { type: 'date', format: 'epoch_millis' },
    rating_average: { type: 'float' },
    rating_count: { type: 'integer' },
    rating_at: { type: 'date', format: 'epoch_millis' },
    // When the document was last written, whatever the change: what a reindex catches up on.
    indexed_at: { type: 'date', format: 'epoch_millis' },
  },
};

/** A new physical index name for `alias`, ordered by creation time. */
export function newIndexName(alias: string, now = new Date()): string {
  return `${alias}-${now.toISOString().replace(/[-:TZ.]/g, '').slice(0, 17)}`;
}

export async function createIndex(client: Client, index: string): Promise<void> {
  await client.indices.create({ index, settings: { ...INDEX_SETTINGS, refresh_interval: '500ms' }, mappings: INDEX_MAPPINGS });
}

/** Creates the first index behind `alias` when there is none (a first start); otherwise leaves it as it is. */
export async function ensureIndex(client: Client, alias: string): Promise<void> {
  if (await client.indices.existsAlias({ name: alias })) return;
  const index = newIndexName(alias);
  await createIndex(client, index);
  await client.indices.updateAliases({ actions: [{ add: { index, alias, is_write_index: true } }] });
}

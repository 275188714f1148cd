/**
 * `@tag(name: "partner")`: marks what third parties may see. An Apollo contract (or our own filter) built
 * from the supergraph keeps only tagged fields for partner API keys. Tag public, non-personal fields only.
 */
export const PARTNER_TAG = '@tag(name: "partner")';

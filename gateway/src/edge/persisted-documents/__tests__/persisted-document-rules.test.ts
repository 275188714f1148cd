import { documentRequestOf, type DocumentFields } from '../document-request';
import { documentHashOf, PersistedDocumentManifest } from '../manifest';
import type { Audience } from '../persisted-document-errors';
import { decide, type PersistedDocumentPolicy } from '../persisted-document-rules';

const listed = 'query Categories { categories { id slug } }';
const unlisted = '{ categories { id name } }';
const manifest = PersistedDocumentManifest.parse(JSON.stringify({ [`sha256:${documentHashOf(listed)}`]: listed }));
const apq = (hash: string, query?: string): DocumentFields => ({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

const production: PersistedDocumentPolicy = { mode: 'enforce', firstParty: 'manifest' };
const development: PersistedDocumentPolicy = { mode: 'log', firstParty: 'any' };

function verdict(fields: DocumentFields, audience: Audience, policy: PersistedDocumentPolicy): string {
  const result = decide(documentRequestOf(fields), audience, policy, manifest);
  return result.action === 'serve' ? 'serve' : `${result.action}:${result.refusal}`;
}

describe('the persisted-document rules', () => {
  it.each<[string, DocumentFields, Audience, PersistedDocumentPolicy, string]>([
    // partners: ids of the manifest only
    ['a partner id of the manifest', { documentId: `sha256:${documentHashOf(listed)}` }, 'partner', production, 'serve'],
    ['a partner APQ hash of the manifest', apq(documentHashOf(listed)), 'partner', production, 'serve'],
    ['a partner id outside the manifest (APQ-registered ones included)', apq(documentHashOf(unlisted)), 'partner', production, 'refuse:not-found'],
    ['a partner full text', { query: unlisted }, 'partner', production, 'refuse:not-in-list'],
    ["a partner full text of the manifest, with its id", apq(documentHashOf(listed), listed), 'partner', production, 'refuse:not-in-list'],
    ['a partner full text in log mode: served, logged', { query: unlisted }, 'partner', development, 'serve-and-log:not-in-list'],
    ['a partner full text with the rules off', { query: unlisted }, 'partner', { mode: 'off', firstParty: 'any' }, 'serve'],
    // first party
    ['a first-party full text (any)', { query: unlisted }, 'first-party', development, 'serve'],
    ['a first-party APQ registration (any)', apq(documentHashOf(unlisted), unlisted), 'first-party', development, 'serve'],
    ['a first-party full text outside the manifest (manifest)', { query: unlisted }, 'first-party', production, 'refuse:not-in-list'],
    ["a first-party manifest's exact text (manifest)", { query: listed }, 'first-party', production, 'serve'],
    ['a first-party APQ registration outside the manifest (manifest)', apq(documentHashOf(unlisted), unlisted), 'first-party', production, 'refuse:not-in-list'],
    ['a first-party id outside the manifest (manifest)', apq(documentHashOf(unlisted)), 'first-party', production, 'refuse:not-found'],
    // whoever asks, in every mode
    ['a text whose id is not its hash', apq(documentHashOf(listed), unlisted), 'first-party', { mode: 'off', firstParty: 'any' }, 'refuse:hash-mismatch'],
    ['a text with an id of no known scheme', { query: unlisted, documentId: 'md5:1' }, 'first-party', development, 'refuse:hash-mismatch'],
    ['neither text nor id (Apollo answers it)', {}, 'partner', production, 'serve'],
  ])('%s → %s', (_name, fields, audience, policy, expected) => {
    expect(verdict(fields, audience, policy)).toBe(expected);
  });
});

import { createHash } from 'node:crypto';
import { documentHashFromId, documentHashOf, PersistedDocumentManifest } from '../manifest';

const text = 'query Categories { categories { id slug } }';
const hex = createHash('sha256').update(text).digest('hex');

describe('the persisted-documents manifest', () => {
  it('files each document under the SHA-256 of its exact text, with or without the sha256: prefix', () => {
    const manifest = PersistedDocumentManifest.parse(JSON.stringify({ [`sha256:${hex}`]: text }));
    expect(manifest.size).toBe(1);
    expect(manifest.document(hex)).toBe(text);
    expect(manifest.has(documentHashOf(text))).toBe(true);
    expect(manifest.hasOperationNamed('Categories')).toBe(true);
    expect(manifest.hasOperationNamed('Other')).toBe(false);
    expect(PersistedDocumentManifest.parse(JSON.stringify({ [hex]: text })).document(hex)).toBe(text);
  });

  it.each([
    ['not JSON', '{"sha256:', /not JSON/],
    ['an array', '[]', /not an object/],
    ['an id of another scheme', JSON.stringify({ 'md5:abc': text }), /not a sha256 id/],
    ['a document that is not a string', JSON.stringify({ [`sha256:${hex}`]: 1 }), /not a document/],
    ['an id that is not the hash of its document', JSON.stringify({ [`sha256:${hex}`]: `${text} ` }), /not the sha256 of its document/],
    ['a document that does not parse', JSON.stringify({ [`sha256:${documentHashOf('query {')}`]: 'query {' }), /Syntax Error/],
    ['a document without an operation', JSON.stringify({ [`sha256:${documentHashOf('fragment F on Query { a }')}`]: 'fragment F on Query { a }' }), /no operation/],
  ])('refuses %s', (_name, file, message) => {
    expect(() => PersistedDocumentManifest.parse(file)).toThrow(message);
  });

  it('reads the id forms clients send, and nothing else', () => {
    expect(documentHashFromId(`sha256:${hex}`)).toBe(hex);
    expect(documentHashFromId(hex.toUpperCase())).toBe(hex);
    expect(documentHashFromId('sha256:abc')).toBeNull();
    expect(documentHashFromId('apq:' + hex)).toBeNull();
    expect(documentHashFromId(`${hex}:extra`)).toBeNull();
  });
});

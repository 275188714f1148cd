// A codegen document transform (codegen.yml `documentTransforms`): `__typename` on every selection set of an
// app's operations, in the documents AND in the persisted-documents manifest the gateway runs by id. urql's
// document cache learns which queries a mutation makes stale from the `__typename`s in results; sent by id, a
// document without them answers without them, so no mutation would ever refresh a list or a page.
const { addTypenameSelectionDocumentTransform } = require('@graphql-codegen/client-preset');

function transform(options) {
  return addTypenameSelectionDocumentTransform.transform(options);
}

// Codegen loads the file with import(): it needs `transform` as a named export, which an object literal of
// shorthand properties gives (a reassigned module.exports of another module's object would not).
module.exports = { transform };

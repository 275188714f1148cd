// A codegen document transform (codegen.yml `documentTransforms`): `__typename` on every selection set of an
// app's operations, in the documents AND in the persisted-documents manifest the gateway runs by id. urql's
// document cache learns which queries a mutation makes stale from the `__typename`s in results; sent by id, a
// document without them answers without them, so no mutation would ever refresh a list or a page.
const { addTypenameSelectionDocumentTransform } = require('@graphql-codegen/client-preset');

// A named export: codegen loads the file with import(), which sees `exports.transform`, not a reassigned module.exports.
exports.transform = (options) => addTypenameSelectionDocumentTransform.transform(options);

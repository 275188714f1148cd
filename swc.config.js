// The one set of @swc/core options for compiling our TypeScript without type-checking: jest uses it for the
// tests and `pnpm start` for its quick build, so what the tests run is what the embedded start runs.
// type-graphql and MikroORM need decorator metadata, which swc emits (tsx/esbuild do not, README.md, Design decisions).
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};

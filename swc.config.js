// The one set of @swc/core options for compiling our TypeScript without type-checking: jest uses it for the
// tests and `pnpm start` for its quick build, so what the tests run is what the embedded start runs.
// type-graphql and MikroORM need decorator metadata, which swc emits (tsx/esbuild do not, README.md, Design decisions).
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  // `lazy`: a package (never a relative import) is required when its binding is first used, not when the importing
  // file loads. jest evaluates every suite's module graph afresh, and the platform barrel alone pulled 2,277 modules
  // (the ORM driver, knex, OpenTelemetry's exporter…) into suites that never touch them: 1.5 → 0.8 s a suite for the
  // barrel, 1.45 → ~0 s for the gateway's config (issue #10, test time). Side-effect imports stay eager.
  module: { type: 'commonjs', lazy: true },
};

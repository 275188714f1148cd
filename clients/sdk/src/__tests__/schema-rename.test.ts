import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import ts from 'typescript';

// "A deliberate rename of a field an app uses fails the build": schema/api.graphql with Product.inStock renamed,
// then the SDK generated from it by codegen.yml's own SDK entries into a folder of this test's, then tsc over the
// mobile-shop example (an app on the SDK) against that SDK. Two gates, each naming the field.
const ROOT = resolve(__dirname, '../../../..');
const SDK = join(ROOT, 'clients/sdk');

const GENERATE_SDK = `
const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');
const [schema, sdk] = process.argv.slice(1);
(async () => {
  const { config } = await loadCodegenConfig({ configFilePath: 'codegen.yml' });
  const into = (path) => path.replace(/^(!?)clients\\/sdk\\//, '$1' + sdk);
  const generates = Object.fromEntries(Object.entries(config.generates)
    .filter(([output]) => output.startsWith('clients/sdk/'))
    .map(([output, entry]) => [into(output), { ...entry, documents: entry.documents.map(into) }]));
  await generate({ ...config, schema, generates, silent: true }, true);
})().catch((error) => {
  console.error(String(error.message ?? error));
  process.exit(1);
});
`;

describe('a field an app uses, renamed in the schema', () => {
  let work: string;
  beforeAll(async () => {
    // Inside clients/sdk/node_modules, so the copy resolves the SDK's own dependencies (graphql-ws…).
    await mkdir(join(SDK, 'node_modules/.cache'), { recursive: true });
    work = await mkdtemp(join(SDK, 'node_modules/.cache/schema-rename-'));
    const schema = await readFile(join(ROOT, 'schema/api.graphql'), 'utf8');
    const renamed = schema.replace(/(type Product \{[\s\S]*?)\n {2}inStock: Boolean!/, '$1\n  isInStock: Boolean!');
    expect(renamed).not.toBe(schema);
    await writeFile(join(work, 'api.graphql'), renamed);
    await cp(join(SDK, 'src'), join(work, 'sdk/src'), { recursive: true, filter: (path) => !/__tests__|[/\\]gql[/\\]/.test(relative(SDK, path)) });
    await cp(join(SDK, 'src/operations'), join(work, 'sdk/src/operations'), { recursive: true });
    await cp(join(SDK, 'examples/mobile-shop.ts'), join(work, 'examples/mobile-shop.ts'));
  });
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('fails codegen while an operation still selects it, naming the field', async () => {
    await expect(generateSdk()).rejects.toThrow(/Cannot query field "inStock" on type "Product"/);
  });

  it('fails the app\'s typecheck once the operations follow the rename, naming the field', async () => {
    const catalogue = join(work, 'sdk/src/operations/catalogue.graphql');
    await writeFile(catalogue, (await readFile(catalogue, 'utf8')).replace(/^ {2}inStock$/m, '  isInStock'));
    await generateSdk();

    const messages = typecheckExample();
    expect(messages).toEqual([expect.stringMatching(/examples\/mobile-shop\.ts.*Property 'inStock' does not exist on type .*Did you mean 'isInStock'\?/)]);
  });

  /**
   * codegen.yml's SDK entries, pointed at the renamed schema and the copy: GraphQL Code Generator's own API in a
   * node of its own (its CLI module loads ES modules jest cannot require).
   */
  async function generateSdk(): Promise<void> {
    await promisify(execFile)(process.execPath, ['-e', GENERATE_SDK, join(work, 'api.graphql'), `${relative(ROOT, work)}/sdk/`], { cwd: ROOT });
  }

  function typecheckExample(): string[] {
    const program = ts.createProgram([join(work, 'examples/mobile-shop.ts'), join(work, 'sdk/src/runtime-globals.d.ts')], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts'],
      types: [],
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
      paths: { '@techally/sdk': [join(work, 'sdk/src/index.ts')] },
    });
    return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? relative(work, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
});

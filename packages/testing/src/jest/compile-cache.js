// V8's code cache for the modules jest compiles, kept by the jest worker from one test file to the next.
//
// jest gives each test file a module registry of its own and compiles every module it loads again, with
// vm.compileFunction, in that file's context: the same ~1,000–2,500 modules (graphql, MikroORM, Apollo…) parsed
// afresh by every suite. A CPU profile of one subgraph's 20 suites in one worker put a fifth of the CPU in that
// compilation (19 of 84 s; issue #10, test time). V8 can skip it: the data a first compilation produces
// (`produceCachedData`) is given back with the same source (`cachedData`) and V8 deserializes instead of parsing
// (19 → 7 s there), kept in the worker's memory only.
//
// V8 checks the data against the source's length and its own version and flags, not the text: each entry keeps
// the text and is used only for the same text (a string comparison: cheaper than hashing it), so a changed file
// is compiled afresh. Data V8 rejects anyway is dropped and the module compiled as
// without this. Installed once per worker process by worker-database-environment.js, before any test file runs.
const vm = require('node:vm');

const INSTALLED = Symbol.for('techally.jest.compileCache');
/**
 * A function compiled from cached data keeps the first compilation's dynamic-import callback (Node 20: `import()`
 * in it then throws ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING, measured): a module that may call `import()` is
 * always compiled afresh. Our sources never do (swc turns `import()` into `require`); a few packages do.
 */
const DYNAMIC_IMPORT = /\bimport\s*\(/;

function installCompileCache() {
  if (vm.compileFunction[INSTALLED]) return;
  const compileFunction = vm.compileFunction;
  /** filename and parameters → { the source, V8's code cache for it } */
  const cache = new Map();

  function cachedCompileFunction(code, params, options) {
    if (!options || typeof options.filename !== 'string' || options.cachedData || options.produceCachedData || DYNAMIC_IMPORT.test(code)) {
      return compileFunction.apply(this, arguments);
    }
    const key = `${options.filename}\0${(params ?? []).join(',')}`;
    const entry = cache.get(key);
    if (entry && entry.code === code) {
      const fn = compileFunction.call(this, code, params, { ...options, cachedData: entry.data });
      if (fn.cachedDataRejected) cache.delete(key);
      return fn;
    }
    const fn = compileFunction.call(this, code, params, { ...options, produceCachedData: true });
    if (fn.cachedDataProduced && fn.cachedData) cache.set(key, { code, data: fn.cachedData });
    return fn;
  }
  cachedCompileFunction[INSTALLED] = true;
  vm.compileFunction = cachedCompileFunction;
}

module.exports = { installCompileCache };

// The jest environment of every suite (jest.config.js): node's, plus the worker's embedded PostgreSQL that
// createTestDatabase borrows instead of booting a PGlite per test file (see ../worker-database.ts). Without
// DATABASE_URL only; with it, each file creates its own database on that server as before.
//
// This module lives in the worker's own realm, so what it holds outlives each test file's module registry.
// jest compiles what it requires while it loads it, hence the TypeScript sources are required here, at the
// top, and never from a build.
const { appendFileSync } = require('node:fs');
const { relative } = require('node:path');
const { TestEnvironment } = require('jest-environment-node');
const { installCompileCache } = require('./compile-cache');

// Modules compiled by one test file are deserialized, not parsed again, by the next ones in this worker
// (COMPILE_CACHE=off compiles every module afresh, as jest does, to compare).
if (process.env['COMPILE_CACHE'] !== 'off') installCompileCache();
const { startEmbeddedPostgres } = require('../../../platform/src/db/embedded-postgres.ts');
const { WorkerDatabase, WORKER_DATABASE_GLOBAL } = require('../worker-database.ts');

const workerDatabase = new WorkerDatabase(startEmbeddedPostgres);

// A jest worker exits once nothing holds its event loop, and the database's server would: stop it when jest
// tells the worker to end (jest-worker's CHILD_MESSAGE_END, [2, ...]), then let go of the IPC channel too.
// In band there is no channel; global-teardown.js stops it instead.
const CHILD_MESSAGE_END = 2;
if (typeof process.send === 'function') {
  const onMessage = (message) => {
    if (!Array.isArray(message) || message[0] !== CHILD_MESSAGE_END) return;
    process.removeListener('message', onMessage);
    workerDatabase.stop().catch(() => undefined);
  };
  process.on('message', onMessage);
}

class WorkerDatabaseEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
    this.startedAt = { cpu: process.cpuUsage(), wall: Date.now() };
    if (!process.env['DATABASE_URL']) this.global[WORKER_DATABASE_GLOBAL] = workerDatabase;
  }

  async teardown() {
    // A file that failed before its afterAll dropped the database still gives it back, its connections cut.
    await workerDatabase.releaseAll();
    await super.teardown();
    if (process.env['SUITE_CPU_LOG']) logSuiteCpu(process.env['SUITE_CPU_LOG'], this.testPath, this.startedAt);
  }
}

/**
 * `SUITE_CPU_LOG=<file> pnpm test`: one line a suite, `<cpu ms>\t<wall ms>\t<path>`, the CPU being this worker
 * process's from the suite's environment to its teardown (not the servers it talks to). On a machine shared with
 * other work a suite's wall time grows with the load and its CPU time much less: compare changes by the latter.
 */
function logSuiteCpu(file, testPath, startedAt) {
  const cpu = process.cpuUsage(startedAt.cpu);
  const line = `${Math.round((cpu.user + cpu.system) / 1000)}\t${Date.now() - startedAt.wall}\t${relative(process.cwd(), testPath)}\n`;
  appendFileSync(file, line);
}

/** The worker's database: global-teardown.js stops it when the worker is jest's own process (--runInBand). */
WorkerDatabaseEnvironment.workerDatabase = workerDatabase;

module.exports = WorkerDatabaseEnvironment;

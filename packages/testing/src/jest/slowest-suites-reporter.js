// A jest reporter (jest.config.js, beside 'default'): after a run of more than one suite, the ten that took
// longest, slowest first, so whoever makes the run slower sees where. Times are wall clock: on a machine
// shared with other work they grow with its load, compare them side by side.
const SHOWN = 10;

class SlowestSuitesReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const suites = results.testResults
      .filter((suite) => suite.perfStats && suite.perfStats.end > suite.perfStats.start)
      .map((suite) => ({
        path: suite.testFilePath.startsWith(`${this.rootDir}/`) ? suite.testFilePath.slice(this.rootDir.length + 1) : suite.testFilePath,
        seconds: (suite.perfStats.end - suite.perfStats.start) / 1000,
        heapMb: suite.memoryUsage ? Math.round(suite.memoryUsage / 1e6) : null,
      }))
      .sort((a, b) => b.seconds - a.seconds);
    if (suites.length < 2) return;
    const total = suites.reduce((sum, suite) => sum + suite.seconds, 0);
    const lines = suites.slice(0, SHOWN).map((suite) => {
      const heap = suite.heapMb === null ? '' : `  ${suite.heapMb} MB heap`;
      return `  ${suite.seconds.toFixed(1).padStart(7)} s  ${suite.path}${heap}`;
    });
    process.stderr.write(
      `\nSlowest ${lines.length} of ${suites.length} suites (${total.toFixed(0)} s in all suites together):\n${lines.join('\n')}\n`,
    );
  }
}

module.exports = SlowestSuitesReporter;

// jest's `testSequencer` (jest.config.js): the longest suites start first. With two workers, a long suite that
// starts last runs alone at the end while the other worker has nothing left to do (issue #10: CI's runs went
// over budget that way). jest's own sequencer orders by the durations it cached on this machine; a fresh clone
// (CI) has none, and it then falls back to file size, which put the 100-checkout race anywhere in the run.
// Estimates, best first: this machine's cached duration, the committed figure (known-slow-suites.js), then the
// suite's kind from its name; ties go to the larger file.
const TestSequencer = require('@jest/test-sequencer').default;
const { relative } = require('node:path');
const KNOWN_SLOW_SUITES = require('./known-slow-suites');

/** Seconds a suite of each kind takes when nothing better is known: only their order matters. */
const SECONDS_BY_KIND = [
  { pattern: /\.e2e\.test\.ts$/, seconds: 20 },
  { pattern: /\.int\.test\.ts$/, seconds: 3 },
];
const UNIT_SECONDS = 0.5;

class SlowSuitesFirstSequencer extends TestSequencer {
  sort(tests) {
    const estimated = new Map(tests.map((test) => [test, this.estimateMs(test)]));
    const size = (test) => test.context.hasteFS.getSize(test.path) ?? 0;
    return [...tests].sort((a, b) => {
      // A suite that failed last time first: its news matters most (jest's own rule).
      const failed = Number(this.hasFailed(b)) - Number(this.hasFailed(a));
      if (failed !== 0) return failed;
      return estimated.get(b) - estimated.get(a) || size(b) - size(a);
    });
  }

  estimateMs(test) {
    const cached = this.time(test);
    if (cached != null) return cached;
    const path = relative(test.context.config.rootDir, test.path);
    if (KNOWN_SLOW_SUITES[path] !== undefined) return KNOWN_SLOW_SUITES[path] * 1000;
    const kind = SECONDS_BY_KIND.find(({ pattern }) => pattern.test(path));
    return (kind ? kind.seconds : UNIT_SECONDS) * 1000;
  }
}

module.exports = SlowSuitesFirstSequencer;

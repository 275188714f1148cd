'use strict';
// Preloaded into the supergraph child (`node -r`) when PROFILE=1: SIGUSR2 starts V8's sampling CPU profiler in
// the process, the next SIGUSR2 stops it and writes the profile to BENCH_PROFILE_FILE. So the profile covers the
// burst alone, not the start (migrations, seeding) nor the connection phase.
const inspector = require('node:inspector');
const { renameSync, writeFileSync } = require('node:fs');

const session = new inspector.Session();
session.connect();
let running = false;

process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')));
    return;
  }
  running = false;
  session.post('Profiler.stop', (error, result) => {
    // `%p` in the name is this process's pid: a hook preloaded into several processes (NODE_OPTIONS) writes one file each.
    const file = process.env.BENCH_PROFILE_FILE.replace('%p', String(process.pid));
    // Written aside, then renamed: the bench waits for the file to appear, and must never read half of it.
    writeFileSync(`${file}.partial`, error ? JSON.stringify({ error: String(error) }) : JSON.stringify(result.profile));
    renameSync(`${file}.partial`, file);
  });
});

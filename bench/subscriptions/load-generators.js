'use strict';
// The load-generator processes (subscribers.js), forked, and a request/answer helper over their IPC channels.
const { fork } = require('node:child_process');
const { join } = require('node:path');

function startLoadGenerator() {
  // 'advanced' serialization carries the typed arrays of the reports without a JSON round trip.
  const child = fork(join(__dirname, 'subscribers.js'), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (message) =>
    new Promise((resolveAnswer, reject) => {
      const onMessage = (answer) => {
        if (answer.type !== message.type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (answer.failure) reject(new Error(answer.failure));
        else resolveAnswer(answer);
      };
      const onExit = (code) => reject(new Error(`a load generator exited with code ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(message);
    });
  return { child, ask };
}

/**
 * `count` load generators. `ask(message)` sends a message to each (or `message(index)`, one per generator) and
 * resolves with their answers; `sum(type, field)` asks and adds up one field of the answers.
 */
function startLoadGenerators(count) {
  const generators = Array.from({ length: count }, startLoadGenerator);
  const ask = (message) =>
    Promise.all(generators.map((generator, index) => generator.ask(typeof message === 'function' ? message(index) : message)));
  return {
    pids: Object.fromEntries(generators.map((generator, index) => [`loadgen${index + 1}`, generator.child.pid])),
    ask,
    async sum(type, field) {
      return (await ask({ type })).reduce((total, answer) => total + answer[field], 0);
    },
    async close() {
      await ask({ type: 'close' }).catch(() => undefined);
      for (const generator of generators) if (generator.child.connected) generator.child.disconnect();
    },
  };
}

module.exports = { startLoadGenerators };

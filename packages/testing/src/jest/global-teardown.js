// Run in jest's own process after the last suite. With workers, each worker's embedded PostgreSQL ends with
// its process; in band (`jest -i`, or a single test file) the environment ran here, and its server's socket
// would keep jest from exiting.
module.exports = async function stopInBandWorkerDatabase() {
  const environment = require.cache[require.resolve('./worker-database-environment.js')];
  if (environment) await environment.exports.workerDatabase.stop();
};

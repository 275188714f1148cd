'use strict';
// The supergraph under test: the embedded launcher (gateway + six subgraphs in ONE process) as a child process,
// production mode, on a fresh database of the real PostgreSQL and the real Redis under its own key prefix.
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { existsSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { Client } = require('pg');
const { deleteRedisKeys } = require('../lib/redis-keys');
const { BENCH_ADMIN, spawnSupergraph } = require('../lib/supergraph-child');
const { summariseProfile } = require('./profile-summary');

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = Number(process.env.PORT ?? 15200);
// The gateway serves /metrics on a port of its own, never on PORT.
const METRICS_PORT = Number(process.env.METRICS_PORT ?? PORT + 1);
/** PROFILE=1: the child can be profiled over the burst (profile-hook.js); off by default, it costs CPU. */
const PROFILE = process.env.PROFILE === '1';

async function query(connectionString, sql, params) {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const admin = (sql) => query(SERVER_URL, sql);

async function startSupergraph() {
  const database = `techally_bench_${Date.now().toString(36)}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  await admin(`create database "${database}"`);
  const profileFile = join(tmpdir(), `${database}.cpuprofile`);
  const preload = PROFILE ? ['-r', join(__dirname, 'profile-hook.js')] : [];
  const child = spawnSupergraph({
    port: PORT,
    databaseUrl: url.toString(),
    keyPrefix: database,
    env: { BENCH_PROFILE_FILE: profileFile, REDIS_URL, OUTBOX_LISTEN: 'true', METRICS_PORT: String(METRICS_PORT) },
    nodeArgs: preload,
  });
  const httpUrl = `http://127.0.0.1:${PORT}/graphql`;

  async function graphql(query, variables, token) {
    const response = await fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  async function stop() {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    }
    await admin(`drop database if exists "${database}" with (force)`);
    await deleteRedisKeys(REDIS_URL, database).catch((error) => console.error(`could not delete the Redis keys under ${database}: ${error}`));
  }

  try {
    for (let attempt = 0; ; attempt++) {
      if (child.exitCode !== null) throw new Error(`the supergraph exited with code ${child.exitCode}`);
      if (attempt >= 240) throw new Error('the supergraph did not answer within 120 s');
      try {
        const data = await graphql('{ products(first: 1) { edges { node { id } } } }');
        if (data.products.edges.length === 1) break;
      } catch {
        // not listening yet
      }
      await sleep(500);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const profiler = PROFILE
    ? {
        start: () => child.kill('SIGUSR2'),
        /** Stops the profiler and summarises what it saw. */
        async stop() {
          child.kill('SIGUSR2');
          for (let attempt = 0; attempt < 120 && !existsSync(profileFile); attempt++) await sleep(500);
          const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
          rmSync(profileFile, { force: true });
          return profile.error ? profile : summariseProfile(profile);
        },
      }
    : undefined;

  return {
    pid: child.pid,
    profiler,
    webSocketUrl: `ws://127.0.0.1:${PORT}/graphql`,
    metricsUrl: `http://127.0.0.1:${METRICS_PORT}/metrics`,
    graphql,
    /** A statement on the run's own database (e.g. to read the outbox). */
    sql: (text, params) => query(url.toString(), text, params),
    logIn: async () =>
      (await graphql('mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken } }', { e: BENCH_ADMIN.email, p: BENCH_ADMIN.password })).logIn
        .accessToken,
    stop,
  };
}

module.exports = { startSupergraph };

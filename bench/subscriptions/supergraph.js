'use strict';
// The supergraph under test, in this run's shape (bench/lib/supergraph-child.js: SHAPE=embedded, the default, or
// services), production mode, on a fresh database of the real PostgreSQL and the real Redis under its own key prefix.
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { existsSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { Client } = require('pg');
const { BENCH_ADMIN, spawnSupergraph } = require('../lib/supergraph-child');
const { summariseProfile } = require('./profile-summary');

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = Number(process.env.PORT ?? 15200);
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
  const supergraph = spawnSupergraph({
    port: PORT,
    databaseUrl: url.toString(),
    keyPrefix: database,
    env: { BENCH_PROFILE_FILE: profileFile, REDIS_URL, OUTBOX_LISTEN: 'true' },
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
    await supergraph.stop();
    await admin(`drop database if exists "${database}" with (force)`);
  }

  try {
    await supergraph.ready;
    const data = await graphql('{ products(first: 1) { edges { node { id } } } }');
    if (data.products.edges.length !== 1) throw new Error('the seeded catalogue is empty');
  } catch (error) {
    await stop();
    throw error;
  }

  const profiler = PROFILE
    ? {
        start: () => process.kill(supergraph.pid, 'SIGUSR2'),
        /** Stops the profiler and summarises what it saw. */
        async stop() {
          process.kill(supergraph.pid, 'SIGUSR2');
          for (let attempt = 0; attempt < 120 && !existsSync(profileFile); attempt++) await sleep(500);
          const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
          rmSync(profileFile, { force: true });
          return profile.error ? profile : summariseProfile(profile);
        },
      }
    : undefined;

  return {
    pid: supergraph.pid,
    shape: supergraph.shape,
    profiler,
    webSocketUrl: `ws://127.0.0.1:${PORT}/graphql`,
    metricsUrl: supergraph.metricsUrl,
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

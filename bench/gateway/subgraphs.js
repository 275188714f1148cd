#!/usr/bin/env node
'use strict';
// The four constant-response subgraphs in ONE process of their own (node bench/gateway/subgraphs.js <basePort>):
// accounts on basePort + 1, products + 2, inventory + 3, reviews + 4. Each answer is computed once by graphql-js
// and memoized by request body, so a subgraph costs a hash lookup and a write: the gateway under test is the
// only thing measured. Every POST is counted; GET /calls on basePort answers the counts ({ accounts: n, … }),
// which is how the bench measures subgraph calls per query.
const { createServer } = require('node:http');
const { execute, parse, validate } = require('graphql');
const { SUBGRAPH_NAMES, buildSchema } = require('./subgraph-schemas');

const MEMO_LIMIT = 10_000;

function serveSubgraph(name, port, calls) {
  const schema = buildSchema(name);
  const memo = new Map();
  const answer = async (body) => {
    const { query, variables, operationName } = JSON.parse(body);
    const document = parse(query);
    const errors = validate(schema, document);
    const result = errors.length > 0 ? { errors } : await execute({ schema, document, variableValues: variables, operationName });
    return Buffer.from(JSON.stringify(result));
  };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      calls[name] += 1;
      const body = Buffer.concat(chunks).toString('utf8');
      let pending = memo.get(body);
      if (!pending) {
        pending = answer(body);
        if (memo.size < MEMO_LIMIT) memo.set(body, pending);
      }
      pending.then(
        (bytes) => {
          response.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
          response.end(bytes);
        },
        (error) => {
          memo.delete(body);
          response.writeHead(400, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ errors: [{ message: String(error?.message ?? error) }] }));
        },
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const basePort = Number(process.argv[2] ?? 24000);
  const calls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 0]));
  await Promise.all(SUBGRAPH_NAMES.map((name, index) => serveSubgraph(name, basePort + 1 + index, calls)));
  const control = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(calls));
  });
  control.listen(basePort, '127.0.0.1', () => process.send?.('ready'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

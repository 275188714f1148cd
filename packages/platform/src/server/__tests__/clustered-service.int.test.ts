import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { descendantPids, freePort, isRunning, watchOutput, type ChildOutput } from '@techally/testing';

// runClusteredService with a tiny service of its own (support/tiny-cluster.js, on the BUILT platform): one
// worker prepares, then every worker shares one port; the primary sums their metrics, replaces a worker that
// dies, ends a crash loop, and drains every worker on SIGTERM.
const FIXTURE = join(__dirname, 'support/tiny-cluster.js');
const BUILT = join(__dirname, '../../../dist/server/clustered-service.js');

interface TinyCluster {
  readonly pid: number;
  readonly port: number;
  readonly metricsPort: number;
  readonly output: ChildOutput;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

const started: TinyCluster[] = [];

async function startTinyCluster(env: Record<string, string>): Promise<TinyCluster> {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`pnpm build\` first`);
  const port = await freePort();
  const metricsPort = await freePort();
  const child = spawn(process.execPath, [FIXTURE], {
    env: { PATH: process.env['PATH'], PORT: String(port), METRICS_PORT: String(metricsPort), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = watchOutput(child);
  const cluster: TinyCluster = {
    pid: child.pid!,
    port,
    metricsPort,
    output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return output.exited;
    },
  };
  started.push(cluster);
  return cluster;
}

const message = (text: string) => (line: string) => line.includes(`"msg":"${text}`);

async function pidOfAnswer(port: number, path = '/'): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return ((await response.json()) as { pid: number }).pid;
}

afterEach(async () => {
  for (const cluster of started.splice(0)) {
    const workers = descendantPids(cluster.pid);
    await cluster.stop('SIGKILL');
    for (const pid of workers) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  }
});

describe('runClusteredService', () => {
  it('prepares once, serves one port from every worker, sums their metrics, and drains them all on SIGTERM', async () => {
    const cluster = await startTinyCluster({ WORKERS: '2' });
    await cluster.output.waitFor(message('tiny ready (2 workers)'), 'both workers served');
    const workers = descendantPids(cluster.pid);
    expect(workers).toHaveLength(2);

    // Connections go round-robin: each worker answers in turn.
    const answeredBy = new Set<number>();
    for (let request = 0; request < 6; request++) answeredBy.add(await pidOfAnswer(cluster.port));
    expect([...answeredBy].sort()).toEqual([...workers].sort());

    const metrics = await (await fetch(`http://127.0.0.1:${cluster.metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/^tiny_requests_total 6$/m);
    expect(cluster.output.text().match(/"msg":"prepared"/g)).toHaveLength(1);

    expect(await cluster.stop('SIGTERM')).toBe(0);
    expect(workers.filter(isRunning)).toEqual([]);
  });

  it('replaces a worker that dies and keeps serving', async () => {
    const cluster = await startTinyCluster({ WORKERS: '2' });
    await cluster.output.waitFor(message('tiny ready (2 workers)'), 'both workers served');
    const before = descendantPids(cluster.pid);

    await fetch(`http://127.0.0.1:${cluster.port}/crash`).catch(() => undefined);
    await cluster.output.waitFor(message('tiny: a new worker replaced the one that died'), 'the dead worker was replaced');

    const after = descendantPids(cluster.pid);
    expect(after).toHaveLength(2);
    expect(after.filter((pid) => !before.includes(pid))).toHaveLength(1);
    expect(after).toContain(await pidOfAnswer(cluster.port));
    expect(await cluster.stop('SIGTERM')).toBe(0);
    expect(after.filter(isRunning)).toEqual([]);
  });

  it('ends a crash loop: stops and exits 1 once workers die faster than the restart limit allows', async () => {
    const cluster = await startTinyCluster({ WORKERS: '2', CRASH_ON_START: '1', RESTART_MAX: '2' });
    expect(await cluster.output.exited).toBe(1);
    expect(cluster.output.text()).toContain('workers died within 60000 ms: a crash loop');
    expect(cluster.output.text()).not.toContain('tiny ready');
  });

  it('stops and exits 1 at once when the preparing worker fails, forking no other', async () => {
    const cluster = await startTinyCluster({ WORKERS: '3', PREPARE_FAILS: '1' });
    expect(await cluster.output.exited).toBe(1);
    expect(cluster.output.text()).toContain('the migrations failed');
    expect(cluster.output.text()).toContain('tiny: the first worker failed before it served');
    expect(cluster.output.text()).not.toContain('a worker exited unexpectedly');
  });

  it('runs in one process, without a cluster, for one worker', async () => {
    const cluster = await startTinyCluster({ WORKERS: '1' });
    await cluster.output.waitFor(message('tiny ready'), 'it served');
    expect(descendantPids(cluster.pid)).toEqual([]);
    expect(await pidOfAnswer(cluster.port)).toBe(cluster.pid);
    expect(await (await fetch(`http://127.0.0.1:${cluster.metricsPort}/metrics`)).text()).toMatch(/^tiny_requests_total 1$/m);
    expect(await cluster.stop('SIGTERM')).toBe(0);
  });
});

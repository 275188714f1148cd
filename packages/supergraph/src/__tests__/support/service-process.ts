import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '@techally/testing';
import { eventually } from './live-subscriptions';

const ROOT = resolve(__dirname, '../../../../..');

/** One service of the graph running as a process of its own, as production runs it (`node dist/main.js`). */
export interface ServiceProcess {
  /** Its `/graphql` URL. */
  readonly url: string;
  /** Its `/metrics` URL (a port of its own). */
  readonly metricsUrl: string;
  /** What it printed (JSON log lines), for a failure's message. */
  readonly output: () => string;
  /** SIGTERM (it drains), resolved once it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `node <package>/dist/main.js` with exactly the given environment (nothing inherited but PATH) on a free
 * port, and waits until its `/health/ready` answers. The built code is what runs: a build older than the
 * package's sources fails the test with a plain message (`pnpm build` first; CI builds before testing).
 */
export async function startServiceProcess(
  packageDir: string,
  portVariable: string,
  env: Record<string, string | undefined>,
): Promise<ServiceProcess> {
  const main = join(ROOT, packageDir, 'dist', 'main.js');
  assertBuilt(packageDir, main);
  const port = await freePort();
  const metricsPort = await freePort();
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'], APOLLO_TELEMETRY_DISABLED: '1', ...env, [portVariable]: String(port), METRICS_PORT: String(metricsPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code ?? -1));
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    await eventually(async () => {
      if (exitCode !== undefined) throw new Error(`${packageDir} exited (${exitCode}):\n${output}`);
      return (await fetch(url.replace('/graphql', '/health/ready')).catch(() => null))?.ok === true;
    }, `${packageDir} on port ${port} to be ready`);
  } catch (error) {
    await terminate(child, exited);
    throw error;
  }
  return { url, metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`, output: () => output, stop: () => terminate(child, exited) };
}

/** What a service process printed before it exited on its own. */
export interface ExitedServiceProcess {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node <package>/dist/main.js` with exactly the given environment (nothing inherited but PATH) until it
 * exits on its own: for the starts that must stop, such as a bad setting.
 */
export async function runServiceProcessToExit(packageDir: string, env: Record<string, string | undefined>): Promise<ExitedServiceProcess> {
  const main = join(ROOT, packageDir, 'dist', 'main.js');
  assertBuilt(packageDir, main);
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'], APOLLO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolveExit) => child.once('close', (code) => resolveExit(code)));
  return { exitCode, stdout, stderr };
}

async function terminate(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
}

/** The package and the workspace packages it runs on, each built after its last source change. */
function assertBuilt(packageDir: string, main: string): void {
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`pnpm build\` first`);
  for (const dir of [packageDir, 'packages/platform', 'packages/events']) {
    // tsc -b rewrites only what changed: the newest output must be newer than the newest source.
    if (newestMtime(join(ROOT, dir, 'src'), '.ts') > newestMtime(join(ROOT, dir, 'dist'), '.js')) {
      throw new Error(`${dir}/dist is older than its sources: run \`pnpm build\` first`);
    }
  }
}

function newestMtime(dir: string, extension: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '__tests__') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, extension));
    else if (entry.name.endsWith(extension)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

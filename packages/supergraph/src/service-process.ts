import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

/** How a service process ended: its exit code, or the signal that ended it. */
export interface ServiceExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** One service of the production shape started by `pnpm start:services`: `node <entry>` with its own environment. */
export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves once the process has exited, however. */
  readonly exited: Promise<ServiceExit>;
  /** Resolves once `readyUrl` answers 200; rejects if the process exits first. */
  ready(readyUrl: string): Promise<void>;
  /** SIGTERM (the service drains), resolved once it has exited. */
  stop(): Promise<ServiceExit>;
}

/** How often readiness is asked while a service boots (a local start; nothing else tells when a port is ready). */
const READY_POLL_MS = 100;

/**
 * Spawns `node <entry>` with `env` (nothing else inherited), each line it prints forwarded to this process's
 * stdout or stderr with `[name] ` before it, so six services' logs stay readable in one terminal.
 */
export function spawnServiceProcess(name: string, entry: string, env: Record<string, string | undefined>, cwd: string): ServiceProcess {
  const child = spawn(process.execPath, [entry], { cwd, env: definedOnly(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}] `;
  createInterface({ input: child.stdout! }).on('line', (line) => process.stdout.write(prefix + line + '\n'));
  createInterface({ input: child.stderr! }).on('line', (line) => process.stderr.write(prefix + line + '\n'));
  const exited = new Promise<ServiceExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  return {
    name,
    child,
    exited,
    async ready(readyUrl) {
      while (!hasExited) {
        const answer = await fetch(readyUrl).catch(() => null);
        if (answer?.ok) return;
        await Promise.race([sleep(READY_POLL_MS), exited]);
      }
      const { code, signal } = await exited;
      throw new Error(`${name} exited (${signal ?? `code ${code}`}) before it was ready`);
    },
    async stop() {
      if (!hasExited) child.kill('SIGTERM');
      return exited;
    },
  };
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';

/** What a child process printed, line by line, and a way to wait for a line (no polling, no sleeps). */
export interface ChildOutput {
  /** Everything printed so far, stdout and stderr interleaved as they came (for a failure's message). */
  text(): string;
  /** Resolves with the first line, printed so far or later, that `matches`; rejects if the process exits first. */
  waitFor(matches: (line: string) => boolean, what: string): Promise<string>;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  readonly exited: Promise<number | string>;
}

/** Watches a child spawned with `stdio: ['ignore', 'pipe', 'pipe']`. */
export function watchOutput(child: ChildProcess): ChildOutput {
  const lines: string[] = [];
  let text = '';
  const waiters = new Set<{ matches: (line: string) => boolean; resolve: (line: string) => void }>();
  let partial = { stdout: '', stderr: '' };
  const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    text += chunk.toString();
    const pieces = (partial[stream] + chunk.toString()).split('\n');
    partial = { ...partial, [stream]: pieces.pop() ?? '' };
    for (const line of pieces) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.matches(line)) {
          waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
    }
  };
  child.stdout?.on('data', take('stdout'));
  child.stderr?.on('data', take('stderr'));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    text: () => text,
    exited,
    waitFor(matches, what) {
      const seen = lines.find(matches);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const waiter = { matches, resolve };
        waiters.add(waiter);
        void exited.then((code) => {
          if (!waiters.delete(waiter)) return;
          reject(new Error(`the process exited (${code}) before ${what}; it printed:\n${text}`));
        });
      });
    },
  };
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Every descendant of `pid` now (Linux: read from /proc), children before grandchildren. */
export function descendantPids(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Whether a process with this pid exists (a zombie not yet reaped counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] !== 'Z';
  } catch {
    return false;
  }
}

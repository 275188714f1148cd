'use strict';
// Samples processes' CPU time and memory from /proc (Linux) while a bench runs: the supergraph child with every
// process under it (in the services shape: each service's primary and workers), the load generators, and the
// machine's idle time from /proc/stat. Each named pid stands for its whole process tree.
const { readdirSync, readFileSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { setInterval, clearInterval } = require('node:timers');
const { cpus } = require('node:os');

const machineCores = () => cpus().length;

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The fields of /proc/<pid>/stat after the command name (state is [0], ppid [1], utime [11], stime [12]). */
function statFields(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
function cpuTicks(pid) {
  const fields = statFields(pid);
  return Number(fields[11]) + Number(fields[12]);
}

/** Every process now: its parent's pid, by pid. */
function parents() {
  const byPid = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      byPid.set(Number(entry), Number(statFields(entry)[1]));
    } catch {
      // gone meanwhile
    }
  }
  return byPid;
}

/** `pid` and every process under it, from one snapshot of the parents. */
function processTree(pid, parentOf) {
  const children = new Map();
  for (const [child, parent] of parentOf) children.set(parent, [...(children.get(parent) ?? []), child]);
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index]) ?? []));
  return tree;
}

/** VmRSS and VmHWM (peak resident set since the process started), in MiB, of one process. */
function processMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 };
}

/**
 * VmRSS and VmHWM of `pid` and every process under it, summed, in MiB. The sum of the peaks is an upper bound of
 * the tree's peak (the processes need not have peaked together); for one process it is its peak.
 */
function memory(pid) {
  const total = { rssMiB: 0, peakRssMiB: 0 };
  for (const member of processTree(pid, parents())) {
    try {
      const figures = processMemory(member);
      total.rssMiB += figures.rssMiB;
      total.peakRssMiB += figures.peakRssMiB;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** CPU ticks and memory of `pid`'s whole tree; throws when `pid` itself is gone. */
function treeFigures(pid, parentOf) {
  const root = { ticks: cpuTicks(pid), ...processMemory(pid) };
  for (const member of processTree(pid, parentOf).slice(1)) {
    try {
      const figures = processMemory(member);
      root.ticks += cpuTicks(member);
      root.rssMiB += figures.rssMiB;
      root.peakRssMiB += figures.peakRssMiB;
    } catch {
      // gone meanwhile
    }
  }
  return root;
}

/** Busy and total ticks of the whole machine (all cores), from the first line of /proc/stat. */
function machineTicks() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const numbers = values.map(Number);
  const idle = numbers[3] + (numbers[4] ?? 0);
  const total = numbers.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

/**
 * Starts sampling every `intervalMs`. `window(from, to)` summarises the samples between two instants
 * (Date.now()): per named process tree its mean and peak CPU (% of one core, over one interval; above 100 % when
 * the tree's processes ran on several cores) and peak RSS; the machine's busy share of all its cores.
 */
function startSampling(pids, intervalMs = 500) {
  const samples = [];
  const take = () => {
    const at = Date.now();
    const processes = {};
    const parentOf = parents();
    for (const [name, pid] of Object.entries(pids)) {
      try {
        processes[name] = treeFigures(pid, parentOf);
      } catch {
        // the process is gone
      }
    }
    samples.push({ at, processes, machine: machineTicks() });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
    },
    now() {
      take();
      return samples[samples.length - 1];
    },
    window(from, to) {
      const inside = samples.filter((sample) => sample.at >= from - intervalMs && sample.at <= to + intervalMs);
      const summary = { processes: {}, machineBusyPercent: null };
      if (inside.length < 2) return summary;
      const first = inside[0];
      const last = inside[inside.length - 1];
      for (const name of Object.keys(pids)) {
        let peak = 0;
        let peakRss = 0;
        for (let index = 1; index < inside.length; index++) {
          const before = inside[index - 1].processes[name];
          const after = inside[index].processes[name];
          if (!before || !after) continue;
          const seconds = (inside[index].at - inside[index - 1].at) / 1000;
          peak = Math.max(peak, ((after.ticks - before.ticks) / TICKS_PER_SECOND / seconds) * 100);
          peakRss = Math.max(peakRss, after.rssMiB);
        }
        const start = first.processes[name];
        const end = last.processes[name];
        const mean = start && end ? ((end.ticks - start.ticks) / TICKS_PER_SECOND / ((last.at - first.at) / 1000)) * 100 : null;
        summary.processes[name] = {
          meanCpuPercent: mean === null ? null : Math.round(mean),
          peakCpuPercent: Math.round(peak),
          peakRssMiB: Math.round(peakRss),
          cpuSeconds: start && end ? Number(((end.ticks - start.ticks) / TICKS_PER_SECOND).toFixed(2)) : null,
        };
      }
      const busy = last.machine.busy - first.machine.busy;
      const total = last.machine.total - first.machine.total;
      summary.machineBusyPercent = total > 0 ? Math.round((busy / total) * 100) : null;
      // What the sampled processes do not explain: PostgreSQL, Redis, the kernel, anything else on the machine.
      const cores = machineCores();
      const ours = Object.values(summary.processes).reduce((sum, figures) => sum + (figures.meanCpuPercent ?? 0), 0) / cores;
      summary.restOfMachineBusyPercent = summary.machineBusyPercent === null ? null : Math.max(0, Math.round(summary.machineBusyPercent - ours));
      return summary;
    },
  };
}

module.exports = { startSampling, memory };

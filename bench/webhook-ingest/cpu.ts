/**
 * Where the CPU goes during a run, from /proc (Linux): the server process and its children, the
 * Postgres backends serving it (found by application_name in pg_stat_activity), and this process
 * (the load generator). Counters in milliseconds of CPU (user + system); 0 where /proc is missing.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface ProcStat {
  ppid: number;
  cpuMs: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: split after its last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const ppid = Number(fields[1]);
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { ppid, cpuMs: (ticks * 1000) / clockTicks() };
  } catch {
    return undefined;
  }
}

/** CPU ms used so far by `pid` and every live descendant. */
export function treeCpuMs(pid: number): number {
  let pids: number[];
  try {
    pids = readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  const stats = new Map<number, ProcStat>();
  for (const id of pids) {
    const stat = readStat(id);
    if (!stat) continue;
    stats.set(id, stat);
    const siblings = children.get(stat.ppid) ?? [];
    siblings.push(id);
    children.set(stat.ppid, siblings);
  }
  let total = 0;
  const queue = [pid];
  for (let i = 0; i < queue.length && i < 10_000; i++) {
    const id = queue[i]!;
    total += stats.get(id)?.cpuMs ?? 0;
    queue.push(...(children.get(id) ?? []));
  }
  return total;
}

/**
 * Postgres backends' CPU, per backend pid, for the connections named `applicationName`. Backends
 * that exit between two samples lose their last slice; the app's pool keeps them open under load.
 */
export async function backendsCpuMs(client: pg.Client, applicationName: string): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = $1", [applicationName]);
  const result = new Map<number, number>();
  for (const { pid } of rows) {
    const stat = readStat(pid);
    if (stat) result.set(pid, stat.cpuMs);
  }
  return result;
}

/** CPU ms the backends used between two samples (a backend new in `after` counts from zero). */
export function backendsDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** This process's CPU ms so far (user + system). */
export function selfCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

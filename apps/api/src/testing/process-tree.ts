import { readdirSync, readFileSync } from 'node:fs';

/** Fields of `/proc/<pid>/stat` after the command name; undefined when the process is gone. */
function statFields(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
  } catch {
    return undefined;
  }
}

/** The processes whose parent is `pid`, in pid order (Linux `/proc`). */
export function childPids(pid: number | undefined): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (Number(statFields(Number(entry))?.[1]) === pid) children.push(Number(entry));
  }
  return children.sort((a, b) => a - b);
}

/** CPU seconds (user + system, 100 Hz ticks) that `pid` and its children have used so far. */
export function processTreeCpuSeconds(pid: number): number {
  const own = statFields(pid);
  const ticks = own === undefined ? 0 : Number(own[11]) + Number(own[12]);
  return ticks / 100 + childPids(pid).reduce((sum, child) => sum + processTreeCpuSeconds(child), 0);
}

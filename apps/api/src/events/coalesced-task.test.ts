import { describe, expect, it } from 'vitest';
import { coalescedTask } from './coalesced-task.ts';

/** A task whose runs the test finishes one by one. */
function gatedTask() {
  const finishers: (() => void)[] = [];
  let runs = 0;
  const run = () =>
    new Promise<void>((resolve) => {
      runs++;
      finishers.push(resolve);
    });
  return { run, runs: () => runs, finishNext: () => finishers.shift()?.() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('coalescedTask', () => {
  it('runs once at a time and merges every request made meanwhile into one more run', async () => {
    const gate = gatedTask();
    const task = coalescedTask(gate.run, () => undefined);
    task.request();
    task.request();
    task.request();
    expect(gate.runs()).toBe(1);

    gate.finishNext();
    await tick();
    expect(gate.runs()).toBe(2);
    gate.finishNext();
    await task.idle();
    expect(gate.runs()).toBe(2);
  });

  it('reports a failed run and runs again on the next request', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const task = coalescedTask(
      async () => {
        calls++;
        if (calls === 1) throw new Error('database away');
      },
      (error) => errors.push(error),
    );
    task.request();
    await task.idle();
    task.request();
    await task.idle();
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('database away')]);
  });

  it('waits at least the gap between the end of a run and a merged next one', async () => {
    const starts: number[] = [];
    const task = coalescedTask(
      async () => void starts.push(Date.now()),
      () => undefined,
      50,
    );
    task.request();
    task.request();
    await task.idle();
    expect(starts).toHaveLength(2);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(45);
  });
});

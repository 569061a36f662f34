import { condition, defineSignal, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

/** The baseline's workflow: the least an update can cost on this Temporal server and worker. */
export const bareUpdate = defineUpdate<number, [number]>('bare');
/** An update shaped like a duty's action: one at a time, one (no-op) activity each. */
export const serialUpdate = defineUpdate<number, [number]>('serial');
export const stopSignal = defineSignal('stop');

const { noop } = proxyActivities<{ noop(n: number): Promise<number> }>({ startToCloseTimeout: '30 seconds' });

export async function TrivialUpdateWorkflow(): Promise<void> {
  let stopped = false;
  let busy = false;
  setHandler(bareUpdate, (n) => n);
  setHandler(serialUpdate, async (n) => {
    while (busy) await condition(() => !busy);
    busy = true;
    try {
      return await noop(n);
    } finally {
      busy = false;
    }
  });
  setHandler(stopSignal, () => {
    stopped = true;
  });
  await condition(() => stopped);
}

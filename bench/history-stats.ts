// Figures read from workflow histories: how long tasks waited in Temporal's queues for a worker.
import type { Client } from '@temporalio/client';
import { tsToDate } from '@temporalio/common';

/** Schedule-to-start of every activity task in the given workflows' histories (ms). */
export async function activityScheduleToStart(client: Client, workflowIds: string[]): Promise<number[]> {
  const waits: number[] = [];
  for (const id of workflowIds) {
    const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
    const scheduled = new Map<string, Date>();
    for (const e of events) {
      if (e.activityTaskScheduledEventAttributes && e.eventTime) scheduled.set(String(e.eventId), tsToDate(e.eventTime));
      const started = e.activityTaskStartedEventAttributes;
      const at = started && scheduled.get(String(started.scheduledEventId));
      if (at && e.eventTime) waits.push(tsToDate(e.eventTime).getTime() - at.getTime());
    }
  }
  return waits;
}

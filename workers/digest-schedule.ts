// The Temporal Schedule that starts the managers' weekly digest (workflows/digest/weekly-digest.ts).
// Every worker makes sure of it at start, so it follows DIGEST_SCHEDULE and the task queue of the
// latest deploy: created when missing, updated when present, deleted when the digest is `off`.
// Overlapping runs are skipped, and a digest missed while the cluster was down goes out within a day.
import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, type Client } from '@temporalio/client';

export const DIGEST_SCHEDULE_ID = 'weekly-digest';

export async function ensureDigestSchedule(client: Client, { taskQueue, cron }: { taskQueue: string; cron: string | null }): Promise<'created' | 'updated' | 'off'> {
  const handle = client.schedule.getHandle(DIGEST_SCHEDULE_ID);
  if (cron === null) {
    await handle.delete().catch((err: unknown) => {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    });
    return 'off';
  }
  const options = {
    spec: { cronExpressions: [cron] },
    action: { type: 'startWorkflow' as const, workflowType: 'weeklyDigest', taskQueue, workflowId: DIGEST_SCHEDULE_ID },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
  };
  try {
    await client.schedule.create({ scheduleId: DIGEST_SCHEDULE_ID, ...options });
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await handle.update((previous) => ({ ...previous, ...options, policies: { ...previous.policies, ...options.policies } }));
    return 'updated';
  }
}

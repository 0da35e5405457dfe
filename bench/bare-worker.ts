// A worker for the baselines (bench/bare-workflows.ts) on its own task queue, with the platform
// worker's tuning, whose one activity inserts a row into a table of its own.
import { bundleWorkflowCode, DefaultLogger, Worker, type NativeConnection } from '@temporalio/worker';
import { Pool } from 'pg';
import { WORKER_TUNING } from '../workers/journey-worker';

export type BareActivities = { writeRow(row: { id: string; step: string }): Promise<void> };

export const BARE_TASK_QUEUE = 'bench-bare';

export async function startBareWorker(connection: NativeConnection, databaseUrl: string) {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  await pool.query('CREATE TABLE IF NOT EXISTS bench_row (id text NOT NULL, step text NOT NULL, at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (id, step))');
  const activities: BareActivities = {
    async writeRow({ id, step }) {
      await pool.query('INSERT INTO bench_row (id, step) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, step]);
    },
  };
  const worker = await Worker.create({
    connection,
    taskQueue: BARE_TASK_QUEUE,
    activities,
    workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./bare-workflows'), logger: new DefaultLogger('WARN') }),
    ...WORKER_TUNING,
  });
  const running = worker.run();
  return {
    pool,
    /** Whether the row of `step` for `id` is there. */
    hasRow: async (id: string, step: string) => (await pool.query('SELECT 1 FROM bench_row WHERE id = $1 AND step = $2', [id, step])).rowCount === 1,
    stop: async () => {
      worker.shutdown();
      await running;
      await pool.end();
    },
  };
}


// Builds the worker that runs journey workflows and their activities on one task queue.
// Scale-out is Temporal's: start more of these, anywhere, on the same task queue.
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities/registry';
import { activityFailures } from './activity-failures';
import { activityRequestIds } from './request-id';

export type JourneyWorkerOptions = {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** Pre-built workflow bundle: in memory (tests bundle once per file), or a file built with the image (WORKFLOW_BUNDLE); otherwise bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
};

/** Workflow interceptor modules, bundled with the journeys (tests that bundle once per file pass them too). */
export const JOURNEY_WORKFLOW_INTERCEPTORS = [require.resolve('../workflows/runtime/interceptors')];

/** The journeys and their interceptors as one bundle: what a worker runs, built once (`npm run build:workflows`, tests). */
export function bundleJourneyWorkflows() {
  return bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), workflowInterceptorModules: JOURNEY_WORKFLOW_INTERCEPTORS, logger: new DefaultLogger('WARN') });
}

/**
 * Worker settings, shared with the benchmarks' bare worker so their ratios measure the platform
 * alone. The SDK's defaults: doubling the pollers (5 → 10 each) moved bench:throughput within its
 * noise, 3.41 → 3.58 journeys/s, as its time goes to two shared cores (README, "Benchmarks").
 */
export const WORKER_TUNING = {} satisfies Partial<WorkerOptions>;

export function createJourneyWorker(opts: JourneyWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createActivities(opts.deps),
    interceptors: { activity: [activityRequestIds, activityFailures], ...(!opts.workflowBundle && { workflowModules: JOURNEY_WORKFLOW_INTERCEPTORS }) },
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
    ...WORKER_TUNING,
  });
}

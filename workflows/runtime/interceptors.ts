// What every journey runs with (the worker bundles this module: JOURNEY_WORKFLOW_INTERCEPTORS in
// workers/journey-worker.ts), for every workflow type the worker registers (workflows/index.ts).
//
// Bugs fail the journey. An error thrown by journey code that is not a Temporal failure is a bug or
// an impossible state. By default it fails the workflow *task*, which Temporal retries for ever,
// silently; with failureExceptionTypes it fails the journey (JourneyRuntime.run records it FAILED
// with the reason, for a manager to retry once fixed) or, thrown in an Update handler, that Update.
// Non-determinism is not such an error: the SDK's core detects it and still fails the workflow
// task, which Temporal keeps retrying, so a deploy that fixes it picks the journeys up again
// (WorkerOptions.workflowFailureErrorTypes with 'Error' would fail those journeys too).
//
// Logs. Its interceptors log what a journey records (a stage entered, a task created, completed or
// escalated, a wait opened or ended, the journey ended or failed) once the record is written,
// through the workflow `log`: replay-safe (a worker replaying a journey logs nothing twice) and
// carrying the workflow id, which is the journey id. Journey code says nothing about logging.
//
// Request ids. A journey start, signal or Update sent by the API carries the id of the HTTP request
// behind it as a header (platform/temporal-client.ts). For the rest of that activation — the
// handler, and the journey code it wakes — log lines carry it as `requestId`, and the activities
// scheduled then carry the header on (workers/request-id.ts logs with it). When such an activity's
// result comes back, the journey code going on from it has the same cause, and so on until the
// journey waits on something else: a timer firing, or a person, starts no request's chain.
// Headers are not compared on replay, and inputs are unchanged.
//
// The interceptors only watch: each call gets back the very promise the SDK made, so no journey's commands can
// come in another order than in the histories recorded before it existed (an `await` in here would
// add microtask turns and could reorder what concurrent branches do within one workflow task).
import {
  defaultPayloadConverter,
  log,
  setWorkflowOptions,
  workflowInfo,
  type ActivityInput,
  type Headers,
  type Next,
  type Payload,
  type WorkflowInternalsInterceptor,
  type WorkflowExecuteInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import type { CustomerDecisionActivities } from '../../activities/runtime/customer-decisions';
import type { JourneyRecordActivities } from '../../activities/runtime/journey-records';
import * as journeys from '../index';
import { isSafeRequestId, REQUEST_ID_HEADER } from './definitions';

for (const journey of Object.values(journeys) as Array<(input: never) => Promise<unknown>>) {
  setWorkflowOptions({ failureExceptionTypes: [Error] }, journey);
}

type Records = JourneyRecordActivities & CustomerDecisionActivities;
type Line = { level: 'info' | 'error'; message: string; fields: Record<string, unknown> };

/** The log line for each record a journey writes, from what the activity was given. */
const recorded: { [K in keyof Records]?: (input: Parameters<Records[K]>[0]) => Line } = {
  recordStage: (s) => ({ level: 'info', message: `stage entered: ${s.stage}`, fields: { stage: s.stage } }),
  createTask: (t) => ({
    level: 'info',
    message: `task created: ${t.type} for ${t.assignee ?? t.role}`,
    fields: { taskId: t.id, taskType: t.type, role: t.role, assignee: t.assignee, dueAt: t.dueAt },
  }),
  completeTask: (t) => ({ level: 'info', message: 'task completed', fields: { taskId: t.id, completedBy: t.completedBy } }),
  remindTask: (t) => ({ level: 'info', message: 'task reminder sent', fields: { taskId: t.id, dueAt: t.dueAt } }),
  escalateTask: (t) => ({ level: 'info', message: `task escalated to the ${t.role ?? 'manager'} queue (step ${(t.step ?? 0) + 1})`, fields: { taskId: t.id, role: t.role ?? 'manager' } }),
  cancelTask: (t) => ({ level: 'info', message: 'task cancelled', fields: { taskId: t.id, reason: t.reason } }),
  openWait: (w) => ({
    level: 'info',
    message: `wait opened: ${w.kind} ${w.key}`,
    fields: { waitId: w.id, kind: w.kind, key: w.key, deadline: w.deadline, unblockedBy: w.unblockedBy },
  }),
  closeWait: (w) => ({ level: 'info', message: `wait ended: ${w.outcome}`, fields: { waitId: w.id, outcome: w.outcome } }),
  openCustomerDecision: (d) => ({ level: 'info', message: `customer asked: ${d.subject}`, fields: { subject: d.subject } }),
  closeCustomerDecision: (d) => {
    // What the customer decided where the form has a decision (accept, decline…), else how it closed.
    const said = 'decision' in d ? d.decision : d.outcome === 'answered' ? (d.answer.decision ?? 'answered') : d.outcome;
    return { level: 'info', message: `customer decision: ${String(said)}`, fields: { subject: d.subject, decision: said } };
  },
  endJourney: (e) => ({ level: 'info', message: `journey ended: ${e.status}`, fields: { status: e.status, reason: e.reason } }),
  failJourney: (f) => ({ level: 'error', message: `journey failed: ${f.reason}`, fields: { reason: f.reason } }),
};

/** The request id a client header carries, if it is one (anything else is ignored, never logged). */
function requestIdIn(headers: Headers): string | undefined {
  const payload: Payload | undefined = headers[REQUEST_ID_HEADER];
  if (!payload) return undefined;
  try {
    const id: unknown = defaultPayloadConverter.fromPayload(payload);
    return isSafeRequestId(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => {
  // Per journey (the factory runs once per workflow): the request this activation handles.
  let requestId: string | undefined;
  const heard = (headers: Headers) => {
    requestId = requestIdIn(headers) ?? requestId;
  };
  const internals: WorkflowInternalsInterceptor = {
    activate(input, next) {
      if (input.batchIndex === 0) requestId = undefined;
      next(input);
    },
    concludeActivation(input, next) {
      requestId = undefined;
      return next(input);
    },
  };
  const inbound: WorkflowInboundCallsInterceptor = {
    execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>) {
      heard(input.headers);
      const { workflowType, continuedFromExecutionRunId } = workflowInfo();
      log.info(continuedFromExecutionRunId ? 'journey continued in a new run' : 'journey started', { workflowType });
      return next(input);
    },
    handleSignal(input, next) {
      heard(input.headers);
      return next(input);
    },
    validateUpdate(input, next) {
      heard(input.headers);
      next(input);
    },
    handleUpdate(input, next) {
      heard(input.headers);
      return next(input);
    },
  };
  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>) {
      const cause = requestId;
      const result = next(cause ? { ...input, headers: { ...input.headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(cause) } } : input);
      const line = (recorded[input.activityType as keyof Records] as ((arg: unknown) => Line) | undefined)?.(input.args[0]);
      // The result comes in a later activation, where the journey code that awaited it goes on with
      // the same cause. Registered before the caller's own callbacks, these run first.
      const resume = () => {
        requestId = cause ?? requestId;
      };
      result.then(
        () => {
          resume();
          if (line) log[line.level](line.message, { ...line.fields, requestId: cause }); // its own cause, whatever else this activation resumed
        },
        // A failed activity is logged by the worker, attempt by attempt (workers/activity-failures.ts).
        resume,
      );
      return result;
    },
    getLogAttributes(input, next) {
      return next(requestId ? { ...input, requestId } : input);
    },
  };
  return { inbound: [inbound], outbound: [outbound], internals: [internals] };
};

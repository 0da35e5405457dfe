// The building blocks every journey workflow is written with: stage transitions, human tasks,
// recorded waits and cancellation. Deterministic: time comes from the workflow clock (Date inside
// a workflow is Temporal's replay-safe time), ids from uuid4(), I/O from activities.
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  ContinueAsNew,
  isCancellation,
  patched,
  proxyActivities,
  setHandler,
  TemporalFailure,
  uuid4,
} from '@temporalio/workflow';
import type { CustomerDecisionActivities } from '../../activities/runtime/customer-decisions';
import type { EmailActivities } from '../../activities/runtime/email';
import type { JourneyRecordActivities } from '../../activities/runtime/journey-records';
import {
  cancelJourneyUpdate,
  completeTaskUpdate,
  customerDecisionUpdate,
  type CustomerDecisionRequest,
  externalEventSignal,
  type ExternalEvent,
  type CancelJourneyRequest,
  FailureTypes,
  journeyStateQuery,
  type JourneyResult,
  type JourneyState,
  type JourneyStatus,
  type Wait,
  type WaitKind,
} from './definitions';
import { refusedEnd, refusedTransition, type StageMap, type StageOf } from './stages';
import { validateTaskResult, type TaskResult, type TaskType } from './task-forms';

/** Database writes: short, idempotent, retried until the database is back. */
export const recordActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
} as const;

/** Mail relays can be down for a while: keep trying, with backoff, for up to a day. */
export const mailActivityOptions = {
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
} as const;

const records = proxyActivities<JourneyRecordActivities>(recordActivityOptions);
const decisions = proxyActivities<CustomerDecisionActivities>(recordActivityOptions);
const mail = proxyActivities<EmailActivities>(mailActivityOptions);

type OpenTask = {
  id: string;
  type: TaskType;
  state: 'open' | 'completing' | 'done';
  /** The row is written. Its commit is visible to the API before this workflow hears back. */
  created: boolean;
  result?: unknown;
};

export type HumanTaskSpec<T extends TaskType> = {
  type: T;
  title: string;
  /** The queue the task goes to. */
  role: string;
  /** A user id to hand it to directly, skipping the claim. */
  assignee?: string;
  /** How long the holder has, in milliseconds. */
  dueInMs: number;
  /** When to remind the holder, before the due time. Default: a quarter of dueInMs before it. */
  remindBeforeMs?: number;
  /** When the SLA is breached and the task escalates to the manager queue. Default: at due time. */
  slaMs?: number;
  /** Journey data the person needs to do the task. */
  input?: Record<string, unknown>;
};

export type WaitSpec = {
  kind: WaitKind;
  key: string;
  description: string;
  unblockedBy?: string;
  timeoutMs?: number;
  /** Nudges while waiting (e.g. a reminder email halfway), each fired once if still waiting. */
  reminders?: Array<{ afterMs: number; send: () => Promise<unknown> }>;
};

export type CustomerDecisionSpec = {
  /** Unique within the journey: what is being decided (`milestone:<id>:round:2`). */
  subject: string;
  /** What the customer is asked, as the email and the page say it. */
  title: string;
  /** What the customer reads before deciding. */
  details: Record<string, unknown>;
  customer: { email: string; contactName: string };
  /** A reminder goes out after this long without an answer; the wait itself has no end. */
  remindAfterMs: number;
};

/**
 * What failed, in a line a manager can act on: the deepest cause's message, with the activity that
 * failed, or the kind of error journey code threw.
 */
function failureReason(err: unknown): string {
  if (!(err instanceof Error)) return `Journey code threw ${String(err)}`.slice(0, 1000);
  let root: Error = err;
  while (root.cause instanceof Error) root = root.cause;
  const origin = err instanceof ActivityFailure ? `${err.activityType}: ` : err instanceof TemporalFailure ? '' : `Journey code threw ${err.name}: `;
  return `${origin}${root.message}`.slice(0, 1000);
}

export class JourneyRuntime<M extends StageMap = StageMap> {
  private stage = 'starting';
  private stageSince = new Date().toISOString();
  private status: JourneyStatus = 'RUNNING';
  private readonly waits = new Map<string, Wait>();
  private readonly tasks = new Map<string, OpenTask>();
  private stageCount = 0;
  /**
   * Waits, tasks and customer decisions under way. Each closes its own records when cancelled; a
   * journey whose body runs branches side by side ends only once every branch has done so.
   */
  private active = 0;
  private waitCount = 0;
  /** The journey's body runs in this scope; cancelling the journey cancels it. */
  private readonly scope = new CancellationScope();
  private cancellation?: { reason: string; cancelledBy: string };
  /** External events by the object they are about, in arrival order, each event id once. */
  private readonly externalEvents = new Map<string, ExternalEvent[]>();
  private readonly seenEventIds = new Set<string>();
  /** Event ids a wait has taken (takeExternal): each is acted on once. */
  private readonly takenEventIds = new Set<string>();
  /** Customer decisions open now, by subject, with the answer once given. */
  private readonly decisions = new Map<string, CustomerDecisionRequest | undefined>();

  /** `stages`: the kind's declared stage map; moves it does not declare fail the journey. */
  constructor(
    readonly journeyId: string,
    private readonly stages: M,
  ) {
    setHandler(journeyStateQuery, () => this.state());
    // Kept even when nothing waits yet: an event that comes early is applied when the wait begins.
    setHandler(externalEventSignal, (e) => this.receive([e]));
    setHandler(completeTaskUpdate, (req) => this.completeTask(req.taskId, req.completedBy, req.result), {
      validator: (req) => {
        const task = this.tasks.get(req.taskId);
        if (!task || task.state !== 'open' || this.cancellation) {
          throw ApplicationFailure.create({
            type: FailureTypes.taskNotOpen,
            message: `Task ${req.taskId} is not open on this journey`,
            nonRetryable: true,
          });
        }
        const checked = validateTaskResult(task.type, req.result);
        if (!checked.ok) {
          throw ApplicationFailure.create({
            type: FailureTypes.invalidTaskResult,
            message: 'The task result is invalid',
            details: [checked.errors],
            nonRetryable: true,
          });
        }
      },
    });
    setHandler(
      customerDecisionUpdate,
      (req) => {
        this.decisions.set(req.subject, req);
        return { subject: req.subject, decision: req.decision };
      },
      {
        validator: (req: CustomerDecisionRequest) => {
          if (!this.decisions.has(req.subject) || this.decisions.get(req.subject) || this.cancellation) {
            throw ApplicationFailure.create({ type: FailureTypes.decisionNotAwaited, message: `${req.subject} does not await an answer`, nonRetryable: true });
          }
        },
      },
    );
    setHandler(
      cancelJourneyUpdate,
      async (req) => {
        this.cancellation = req;
        this.scope.cancel();
        await condition(() => this.status !== 'RUNNING');
        return { status: this.status as JourneyResult['status'], stage: this.stage, reason: req.reason };
      },
      {
        validator: (_req: CancelJourneyRequest) => {
          if (this.status !== 'RUNNING' || this.cancellation) {
            throw ApplicationFailure.create({
              type: FailureTypes.journeyNotRunning,
              message: `The journey is ${this.cancellation ? 'already being cancelled' : this.status.toLowerCase()}`,
              nonRetryable: true,
            });
          }
        },
      },
    );
  }

  /**
   * Runs the journey's body. A cancellation (by a manager, or of the workflow in Temporal) ends
   * the journey CANCELLED after the body's open tasks and waits are closed.
   */
  async run(body: () => Promise<JourneyResult>): Promise<JourneyResult> {
    try {
      return await this.scope.run(body);
    } catch (err) {
      if (isCancellation(err)) {
        // The first branch to stop fails the body at once; the others may still be cancelling their
        // tasks and withdrawing what they asked the customer, which a closed workflow would never do.
        if (patched('journey-ends-after-cleanup')) await CancellationScope.nonCancellable(() => condition(() => this.active === 0));
        const { reason, cancelledBy } = this.cancellation ?? { reason: 'Cancelled in Temporal', cancelledBy: 'temporal' };
        return CancellationScope.nonCancellable(() => this.end('CANCELLED', reason, cancelledBy));
      }
      // An activity (or child journey) failed for good, or journey code threw (a bug, an impossible
      // state: see workflows/runtime/interceptors.ts): say so where people look, then fail the workflow so Temporal
      // shows it too. (A bug's workflow task used to fail and retry, never completing, so no history
      // holds this call for one.) Continuing as new is not a failure.
      if (!(err instanceof ContinueAsNew)) {
        await CancellationScope.nonCancellable(() => records.failJourney({ journeyId: this.journeyId, reason: failureReason(err), at: new Date().toISOString() }));
      }
      throw err;
    }
  }

  /** Takes in external events (signalled, or claimed by an activity): each event id once, kept until a wait wants it. */
  receive(events: ExternalEvent[]): void {
    for (const e of events) {
      if (this.seenEventIds.has(e.eventId)) continue;
      this.seenEventIds.add(e.eventId);
      this.externalEvents.set(e.objectId, [...(this.externalEvents.get(e.objectId) ?? []), e]);
    }
  }

  state(): JourneyState {
    return { stage: this.stage, stageSince: this.stageSince, status: this.status, waitingOn: [...this.waits.values()] };
  }

  async enterStage(stage: StageOf<M>): Promise<void> {
    this.refuseUndeclared(refusedTransition(this.stages, this.stageCount ? this.stage : undefined, stage));
    const at = new Date().toISOString();
    // The sequence number keys the record, so re-entering a stage later is a new event.
    await records.recordStage({ journeyId: this.journeyId, stage, at, sequence: ++this.stageCount });
    this.stage = stage;
    this.stageSince = at;
  }

  /**
   * Waits until `ready()` holds (true) or the timeout passes (false), recorded in the waiting-on
   * index for as long as it lasts.
   */
  async waitFor(spec: WaitSpec, ready: () => boolean): Promise<boolean> {
    const since = new Date();
    const wait: Wait = {
      id: `${this.journeyId}:${spec.kind}:${spec.key}:${++this.waitCount}`,
      kind: spec.kind,
      key: spec.key,
      description: spec.description,
      since: since.toISOString(),
      deadline: spec.timeoutMs === undefined ? undefined : new Date(since.getTime() + spec.timeoutMs).toISOString(),
      unblockedBy: spec.unblockedBy,
    };
    await records.openWait({ journeyId: this.journeyId, ...wait });
    this.waits.set(wait.id, wait);
    let met = false;
    this.active++;
    try {
      for (const r of spec.reminders ?? []) {
        const left = since.getTime() + r.afterMs - Date.now();
        if (left > 0 && (met = await condition(ready, left))) return met;
        await r.send();
      }
      if (spec.timeoutMs === undefined) {
        await condition(ready);
        met = true;
        return met;
      }
      const left = since.getTime() + spec.timeoutMs - Date.now();
      met = left > 0 ? await condition(ready, left) : ready();
      return met;
    } finally {
      this.active--;
      this.waits.delete(wait.id);
      await CancellationScope.nonCancellable(() =>
        records.closeWait({ id: wait.id, at: new Date().toISOString(), outcome: met ? 'met' : this.scope.consideredCancelled ? 'cancelled' : 'timed_out' }),
      );
    }
  }

  /**
   * Waits for an external event of one of `types` about `spec.key` (the provider object id),
   * recorded in the waiting-on index. Events of other types (out of order, or not final) are
   * passed over. Undefined when the timeout passes first.
   */
  async waitForExternal(spec: WaitSpec, types: readonly string[]): Promise<ExternalEvent | undefined> {
    const match = () => this.externalEvents.get(spec.key)?.find((e) => types.includes(e.type));
    return (await this.waitFor(spec, () => match() !== undefined)) ? match() : undefined;
  }

  /**
   * Takes the first event not taken before that `accept`s, waiting for one as a recorded wait
   * (undefined when the timeout passes first). For waits that take many events of one kind, such
   * as the payments of an invoice paid in parts.
   */
  async takeExternal(spec: WaitSpec, accept: (e: ExternalEvent) => boolean): Promise<ExternalEvent | undefined> {
    if (!(await this.waitFor(spec, () => this.untaken(accept) !== undefined))) return undefined;
    return this.takeReceived(accept);
  }

  /** Takes, without waiting, the first event received and not taken before that `accept`s. */
  takeReceived(accept: (e: ExternalEvent) => boolean): ExternalEvent | undefined {
    const event = this.untaken(accept);
    if (event) this.takenEventIds.add(event.eventId);
    return event;
  }

  private untaken(accept: (e: ExternalEvent) => boolean): ExternalEvent | undefined {
    return [...this.externalEvents.values()].flat().find((e) => !this.takenEventIds.has(e.eventId) && accept(e));
  }

  /**
   * Asks the customer to decide something through a signed link (emailed, with a reminder), as a
   * recorded wait on the customer. Returns their answer; changes requested come with comments.
   */
  async customerDecision(spec: CustomerDecisionSpec): Promise<CustomerDecisionRequest> {
    // Open before the link exists anywhere: the customer may answer as soon as the email is out.
    this.decisions.set(spec.subject, undefined);
    this.active++;
    try {
      const open = () =>
        decisions.openCustomerDecision({ journeyId: this.journeyId, subject: spec.subject, title: spec.title, details: spec.details, at: new Date().toISOString() });
      // Not abandoned half-way by a cancellation: a row written after its withdrawal would stay open.
      const { url } = await (patched('decision-opened-before-cancel') ? CancellationScope.nonCancellable(open) : open());
      const mailData = { contactName: spec.customer.contactName, title: spec.title, url };
      const send = (suffix: string, template: 'decision-request' | 'decision-reminder') =>
        mail.sendEmail({ key: `${this.journeyId}:decision:${spec.subject}${suffix}`, journeyId: this.journeyId, to: spec.customer.email, template, data: mailData });
      await send('', 'decision-request');
      await this.waitFor(
        {
          kind: 'approval',
          key: spec.subject,
          description: spec.title,
          unblockedBy: 'customer',
          reminders: [{ afterMs: spec.remindAfterMs, send: () => send(':reminder', 'decision-reminder') }],
        },
        () => this.decisions.get(spec.subject) !== undefined,
      );
      const answer = this.decisions.get(spec.subject)!;
      await decisions.closeCustomerDecision({ journeyId: this.journeyId, ...answer, at: new Date().toISOString() });
      return answer;
    } catch (err) {
      // The journey moved on (cancelled): the customer's page says so instead of offering a form.
      if (isCancellation(err)) {
        await CancellationScope.nonCancellable(() =>
          decisions.closeCustomerDecision({ journeyId: this.journeyId, subject: spec.subject, decision: 'withdrawn', at: new Date().toISOString() }),
        );
      }
      throw err;
    } finally {
      this.active--;
      this.decisions.delete(spec.subject);
    }
  }

  /**
   * Creates a task for a person and returns its validated result once completed. Reminds the
   * holder before it is due and escalates it to the manager queue when its SLA is breached. If
   * the journey moves on without it (its scope is cancelled), the task is cancelled.
   */
  async humanTask<T extends TaskType>(spec: HumanTaskSpec<T>): Promise<TaskResult<T>> {
    const id = uuid4();
    const created = new Date();
    const at = (ms: number) => new Date(created.getTime() + ms).toISOString();
    const dueAt = at(spec.dueInMs);
    const slaMs = spec.slaMs ?? spec.dueInMs;
    const remindAt = spec.dueInMs - (spec.remindBeforeMs ?? spec.dueInMs / 4);
    const wait: Wait = {
      id: `task:${id}`,
      kind: 'task',
      key: id,
      description: spec.title,
      since: created.toISOString(),
      deadline: dueAt,
      unblockedBy: spec.assignee ?? spec.role,
    };
    // Open before the row is written: a completion arriving the moment the row is visible (before
    // the activity's result reaches this workflow) is accepted, and waits for `created`.
    const task: OpenTask = { id, type: spec.type, state: 'open', created: false };
    this.tasks.set(id, task);
    this.waits.set(wait.id, wait);
    const done = () => task.state === 'done';
    this.active++;
    try {
      await records.createTask({
        id,
        journeyId: this.journeyId,
        type: spec.type,
        title: spec.title,
        role: spec.role,
        assignee: spec.assignee,
        dueAt,
        slaAt: at(slaMs),
        input: spec.input ?? {},
        wait,
      });
      task.created = true;

      // Deadlines in time order; each fires only if the task is still open when it comes.
      const deadlines: Array<{ afterMs: number; fire: () => Promise<void> }> = [
        { afterMs: remindAt, fire: () => records.remindTask({ id, journeyId: this.journeyId, dueAt }) },
        ...(slaMs > spec.dueInMs
          ? [{ afterMs: spec.dueInMs, fire: () => records.recordEvent({ journeyId: this.journeyId, key: `task:${id}:overdue`, type: 'task_overdue', data: { taskId: id, dueAt } }) }]
          : []),
        {
          afterMs: slaMs,
          fire: async () => {
            await records.escalateTask({ id, journeyId: this.journeyId, waitId: wait.id, at: new Date().toISOString() });
            wait.unblockedBy = 'manager';
          },
        },
      ];
      for (const d of deadlines) {
        const left = created.getTime() + d.afterMs - Date.now();
        if (left > 0 && (await condition(done, left))) break;
        if (task.state === 'open') await d.fire();
      }
      await condition(done);
      return task.result as TaskResult<T>;
    } catch (err) {
      if (isCancellation(err)) await CancellationScope.nonCancellable(() => this.cancelTask(task, wait));
      throw err;
    } finally {
      this.active--;
      this.waits.delete(wait.id);
      this.tasks.delete(id);
    }
  }

  /** Ends the journey: records the outcome, lets in-flight updates finish, returns the result. */
  async end(status: JourneyResult['status'], reason: string, cancelledBy?: string): Promise<JourneyResult> {
    this.refuseUndeclared(refusedEnd(this.stages, this.stageCount ? this.stage : undefined, status));
    await records.endJourney({ journeyId: this.journeyId, status, reason, cancelledBy, at: new Date().toISOString() });
    this.status = status;
    await condition(allHandlersFinished);
    return { status, stage: this.stage, reason };
  }

  /** A move the stage map does not declare is a bug in the journey's code: it fails the journey, visibly. */
  private refuseUndeclared(refusal: string | undefined) {
    if (refusal) throw ApplicationFailure.create({ type: FailureTypes.undeclaredStage, message: refusal, nonRetryable: true });
  }

  /** A completion already under way wins over the cancellation; otherwise the task is cancelled. */
  private async cancelTask(task: OpenTask, wait: Wait) {
    if (task.state !== 'open') return condition(() => task.state === 'done');
    task.state = 'done';
    await records.cancelTask({
      id: task.id,
      journeyId: this.journeyId,
      waitId: wait.id,
      reason: this.cancellation?.reason ?? (this.scope.consideredCancelled ? 'The journey was cancelled' : 'The journey moved on without it'),
      at: new Date().toISOString(),
    });
  }

  private async completeTask(taskId: string, completedBy: string, raw: unknown) {
    const task = this.tasks.get(taskId)!;
    // Marked before the first await, so a second update in the same workflow task is rejected.
    task.state = 'completing';
    await condition(() => task.created);
    const checked = validateTaskResult(task.type, raw);
    if (!checked.ok) throw ApplicationFailure.nonRetryable('unreachable: validated by the validator');
    const completedAt = new Date().toISOString();
    await records.completeTask({ id: taskId, journeyId: this.journeyId, waitId: `task:${taskId}`, completedBy, result: checked.value, completedAt });
    task.result = checked.value;
    task.state = 'done';
    return { taskId, completedAt };
  }
}

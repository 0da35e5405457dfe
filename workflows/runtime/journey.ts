// The building blocks every journey workflow is written with: stage transitions, human tasks,
// recorded waits, customer decisions, cancellation, and continue-as-new for journeys that last
// years. Deterministic: time comes from the workflow clock (Date inside a workflow is Temporal's
// replay-safe time), ids from uuid4(), I/O from activities.
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  ContinueAsNew,
  isCancellation,
  patched,
  proxyActivities,
  setHandler,
  TemporalFailure,
  uuid4,
  workflowInfo,
  type Workflow,
} from '@temporalio/workflow';
import type { CustomerDecisionActivities } from '../../activities/runtime/customer-decisions';
import type { EmailActivities, SendEmailInput } from '../../activities/runtime/email';
import type { EmailTemplate, EmailTemplates } from '../../activities/registry';
import type { JourneyRecordActivities } from '../../activities/runtime/journey-records';
import {
  cancelJourneyUpdate,
  changeTaskDueUpdate,
  completeTaskUpdate,
  answerOf,
  customerDecisionUpdate,
  externalEventSignal,
  type ExternalEvent,
  type CancelJourneyRequest,
  type ChangeTaskDueRequest,
  type ChangeTaskDueResponse,
  FailureTypes,
  journeyStateQuery,
  type JourneyResult,
  type JourneyState,
  type JourneyStatus,
  type Wait,
  type WaitKind,
} from './definitions';
import { validateDecisionAnswer, type DecisionAnswer, type DecisionForm, type OptionForm } from './decision-forms';
import { calendarOf, type BusinessHours } from './business-calendar';
import { SlaClock, type ClockState } from './sla-clock';
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

/** A primitive waiting: on `ready`, until `until` (workflow time, ms) when it has a timer. */
type Parked = { ready?: () => boolean; until?: number };

type OpenTask = {
  id: string;
  /** Names the task within the journey, so a later run can pick it up (see HumanTaskSpec.key). */
  key?: string;
  type: TaskType;
  state: 'open' | 'completing' | 'done';
  /** The row is written. Its commit is visible to the API before this workflow hears back. */
  created: boolean;
  result?: unknown;
  /** Created at (ms); the deadlines are offsets from it, so a later run re-arms them where they were. */
  since: number;
  dueInMs: number;
  slaMs: number;
  remindAtMs: number;
  /** Where it escalates to, in order (offsets from `since`); absent: the manager queue at the SLA. */
  escalation?: EscalationStep[];
  /** How many of the task's deadlines (reminder, overdue, escalation) have fired. */
  fired: number;
  /** How far a manager moved the deadlines not yet fired (ms, see changeTaskDue), and how many times. */
  shiftMs?: number;
  dueChanges?: number;
  wait: Wait;
  /** When set, the deadlines are on this clock rather than the wall clock from `since`. */
  clock?: TaskClock & { state: ClockState };
};

/** How a task's deadlines count time: in business hours, and/or not while the journey waits on the customer. */
export type TaskClock = {
  hours?: BusinessHours;
  /** The clock stops while any of the journey's waits is on the customer (a decision, a reply). */
  pausesOnCustomer?: boolean;
};

/** One step of an escalation chain: after this long (from the task's creation), the task moves to this queue. */
export type EscalationStep = { afterMs: number; role: string };

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
  /**
   * An escalation chain instead of the single step to the manager queue: each step moves the
   * still-open task to its role's queue (unclaimed) and tells that queue, in order. The first
   * step is the SLA breach.
   */
  escalation?: EscalationStep[];
  /** Deadlines in business hours and/or paused while waiting on the customer; default: wall time from creation. */
  clock?: TaskClock;
  /** Journey data the person needs to do the task. */
  input?: Record<string, unknown>;
  /**
   * Names the task within the journey. Needed for a task that may be open when the journey
   * continues as new: the next run carries it, and asking there for a task with the same key
   * returns that task's result instead of creating another.
   */
  key?: string;
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

/** Email templates a decision can be asked with: the runtime completes their data with the contact's name, the title and the link. */
export type DecisionEmailTemplate = { [T in EmailTemplate]: EmailTemplates[T] extends { contactName: string; url: string } ? T : never }[EmailTemplate];
/** The templates `T`'s data renders too: a reminder that goes with request `T`. */
type SameData<T extends DecisionEmailTemplate> = { [M in DecisionEmailTemplate]: EmailTemplates[T] extends EmailTemplates[M] ? M : never }[DecisionEmailTemplate];
/** The caller's own request and reminder emails for a decision, with the rest of their data. */
export type DecisionEmails = {
  [T in DecisionEmailTemplate]: { request: T; reminder: SameData<T>; data: Omit<EmailTemplates[T], 'contactName' | 'url' | 'title'> };
}[DecisionEmailTemplate];

type DecisionSpecFields = {
  /** Unique within the journey: what is being decided (`milestone:<id>:round:2`). */
  subject: string;
  /** What the customer is asked, as the email and the page say it. */
  title: string;
  /** What the customer reads before deciding. */
  details: Record<string, unknown>;
  customer: { email: string; contactName: string };
  /** A reminder goes out after this long without an answer. */
  remindAfterMs: number;
  /** Without an answer by then the decision expires (and the customer's link with it); without one, the wait has no end. */
  timeoutMs?: number;
  /** The emails asking and reminding; default: the runtime's `decision-request` and `decision-reminder`. */
  emails?: DecisionEmails;
};

/** What the customer is asked: the form their answer takes and, for a form with a `choice`, the options it is chosen from. */
export type CustomerDecisionSpec = {
  [F in DecisionForm]: DecisionSpecFields & { form: F } & (F extends OptionForm ? { options: readonly [string, ...string[]] } : { options?: undefined });
}[DecisionForm];

/** The answer `customerDecision(spec)` returns: typed by the form (the choice among the options given), undefined when it can expire. */
export type DecisionOutcome<S extends CustomerDecisionSpec> =
  | (S extends { options: readonly (infer O)[] } ? Omit<DecisionAnswer<S['form']>, 'choice'> & { choice: O } : DecisionAnswer<S['form']>)
  // (`subject` keeps the test from being a weak type's, which any object without a timeoutMs would fail.)
  | (S extends { subject: string; timeoutMs?: undefined } ? never : undefined);

/** A decision open on the journey: what its answer must satisfy, and the answer once given. */
type OpenDecision = { form: DecisionForm; options?: readonly string[]; answer?: Record<string, unknown> };

/** A wait open when the run handed over: its row stays, and the next run's waitFor of the same kind and key takes it up. */
export type CarriedWait = { wait: Wait; reminded: number };
/** A human task open when the run handed over: its row stays, its deadlines are re-armed where they were. */
export type CarriedTask = Omit<OpenTask, 'state' | 'created' | 'result' | 'key'> & { key: string };
/** A customer decision awaiting its answer when the run handed over: the customer's link still works. */
export type CarriedDecision = CustomerDecisionSpec & { url: string };

/**
 * Everything a journey run hands the next when it continues as new (JSON, in the next run's
 * input). The journey's own state (where its body is) travels beside it, in the body's input.
 */
export type JourneySnapshot = {
  stage: string;
  stageSince: string;
  /** The counters that key stage events and waits, so the next run's keys follow on instead of colliding. */
  stageCount: number;
  waitCount: number;
  waits: CarriedWait[];
  tasks: CarriedTask[];
  decisions: CarriedDecision[];
  /** External events received and neither taken nor handed to a waitForExternal, in arrival order. */
  events: ExternalEvent[];
  /** Ids of the events received lately, with when (ms): see SEEN_EVENTS. */
  seen: Array<[eventId: string, receivedAt: number]>;
};

/**
 * The record of event ids a journey has seen, as carried across continue-as-new: those received
 * in the last `windowMs`, at most `max` of the latest. The API stores and signals each (source,
 * eventId) once (api/domain/external-events.ts); an id comes again only when a delivery fails
 * between signalling and recording (the provider redelivers within days) or when the journey
 * claims an object it has just created (activities/runtime/external-events.ts). For anything
 * older, the database's unique (source, eventId) is the backstop.
 */
export const SEEN_EVENTS = { windowMs: 30 * 24 * 60 * 60 * 1000, max: 2_000 } as const;

/** History events a run may grow to before it continues as new (unless Temporal suggests it sooner). */
export const DEFAULT_HISTORY_LIMIT = 5_000;

export type JourneyRuntimeOptions = {
  /** The snapshot the previous run handed over: this run carries on from it. */
  resume?: JourneySnapshot;
  /** See DEFAULT_HISTORY_LIMIT. */
  historyLimit?: number;
};

/** The refusal of an Update about a task the journey no longer (or never) waits on. */
const taskNotOpen = (taskId: string) =>
  ApplicationFailure.create({ type: FailureTypes.taskNotOpen, message: `Task ${taskId} is not open on this journey`, nonRetryable: true });

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
  /** Who completed the latest task of each type in this run (a user's or an API token's id). */
  private readonly completers = new Map<string, string>();
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
  /** Each event id received, with when (workflow time, ms). */
  private readonly seenEventIds = new Map<string, number>();
  /** Event ids a wait has taken (takeExternal): each is acted on once. */
  private readonly takenEventIds = new Set<string>();
  /** Event ids a waitForExternal returned: not carried to the next run. */
  private readonly deliveredEventIds = new Set<string>();
  /** Customer decisions open now, by subject. */
  private readonly decisions = new Map<string, OpenDecision>();
  /** Customer decisions whose link is out, by subject: what the next run needs to go on waiting. */
  private readonly askedDecisions = new Map<string, CarriedDecision>();
  /** Open plain waits (not a task's) with how many reminders they sent. */
  private readonly waitProgress = new Map<string, CarriedWait>();
  /**
   * Runtime primitives (tasks, waits, decisions) doing something other than waiting: while any is,
   * the run may not hand over. `parked` holds what the waiting ones wait for.
   */
  private moving = 0;
  private readonly parked = new Set<Parked>();
  /** Records written beside the journey's next step rather than before it (see writeBehind), and the first that failed. */
  private writingBehind = 0;
  private behindFailure: unknown;
  /** From the previous run: waits the body has not taken up again yet, and the carried tasks' and decisions' outcomes by key. */
  private readonly carriedWaits: CarriedWait[] = [];
  private readonly carriedTasks = new Map<string, Promise<unknown>>();
  private readonly carriedDecisions = new Map<string, Promise<Record<string, unknown> | undefined>>();
  /** Each carried task's and decision's own scope (by key or subject): cancelled when what took it up is. */
  private readonly carriedScopes = new Map<string, CancellationScope>();
  private readonly resume?: JourneySnapshot;
  private readonly historyLimit: number;

  /**
   * `stages`: the kind's declared stage map; moves it does not declare fail the journey.
   * `options.resume`: the previous run's snapshot, for a journey that continued as new.
   */
  constructor(
    readonly journeyId: string,
    private readonly stages: M,
    options: JourneyRuntimeOptions = {},
  ) {
    this.historyLimit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    // Restored before the handlers are set: setting them runs the updates that reached this run
    // first (a completion sent while the previous run handed over), and those must find their task.
    if (options.resume) this.restore(options.resume);
    this.resume = options.resume;
    setHandler(journeyStateQuery, () => this.state());
    // Kept even when nothing waits yet: an event that comes early is applied when the wait begins.
    setHandler(externalEventSignal, (e) => this.receive([e]));
    setHandler(completeTaskUpdate, (req) => this.completeTask(req.taskId, req.completedBy, req.result), {
      validator: (req) => {
        const task = this.tasks.get(req.taskId);
        if (!task || task.state !== 'open' || this.cancellation) throw taskNotOpen(req.taskId);
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
    setHandler(changeTaskDueUpdate, (req) => this.changeTaskDue(req), { validator: (req) => this.checkDueChange(req) });
    setHandler(
      customerDecisionUpdate,
      (req) => {
        const open = this.decisions.get(req.subject)!;
        const checked = validateDecisionAnswer(open.form, open.options, answerOf(req));
        if (!checked.ok) throw ApplicationFailure.nonRetryable('unreachable: validated by the validator');
        open.answer = checked.value;
        return { subject: req.subject, answer: checked.value };
      },
      {
        validator: (req) => {
          const open = this.decisions.get(req.subject);
          if (!open || open.answer || this.cancellation) {
            throw ApplicationFailure.create({ type: FailureTypes.decisionNotAwaited, message: `${req.subject} does not await an answer`, nonRetryable: true });
          }
          const checked = validateDecisionAnswer(open.form, open.options, answerOf(req), ['answer']);
          if (!checked.ok) {
            throw ApplicationFailure.create({ type: FailureTypes.invalidDecisionAnswer, message: 'The answer is invalid', details: [checked.errors], nonRetryable: true });
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
      return await this.scope.run(() => {
        this.resumeCarried();
        return body();
      });
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
      this.seenEventIds.set(e.eventId, Date.now());
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
   * index for as long as it lasts. A wait of the same kind and key carried from the previous run
   * is taken up instead of opening another: its timeout and reminders count from when it began.
   */
  async waitFor(spec: WaitSpec, ready: () => boolean): Promise<boolean> {
    this.moving++;
    let open = this.takeCarriedWait(spec);
    try {
      if (!open) {
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
        open = { wait, reminded: 0 };
        await records.openWait({ journeyId: this.journeyId, ...wait });
      }
      const { wait } = open;
      const since = Date.parse(wait.since);
      this.waits.set(wait.id, wait);
      this.waitProgress.set(wait.id, open);
      let met = false;
      this.active++;
      try {
        const reminders = spec.reminders ?? [];
        for (; open.reminded < reminders.length; open.reminded++) {
          const r = reminders[open.reminded]!;
          const left = since + r.afterMs - Date.now();
          if (left > 0) {
            const rest = this.park(ready, left);
            try {
              met = await condition(ready, left);
            } finally {
              this.unpark(rest);
            }
            if (met) return met;
          }
          await r.send();
        }
        if (spec.timeoutMs === undefined) {
          const rest = this.park(ready);
          try {
            await condition(ready);
          } finally {
            this.unpark(rest);
          }
          met = true;
          return met;
        }
        const left = since + spec.timeoutMs - Date.now();
        if (left <= 0) {
          met = ready();
          return met;
        }
        const rest = this.park(ready, left);
        try {
          met = await condition(ready, left);
        } finally {
          this.unpark(rest);
        }
        return met;
      } finally {
        this.active--;
        this.waits.delete(wait.id);
        this.waitProgress.delete(wait.id);
        const closed = CancellationScope.nonCancellable(() =>
          records.closeWait({ id: wait.id, at: new Date().toISOString(), outcome: met ? 'met' : this.scope.consideredCancelled ? 'cancelled' : 'timed_out' }),
        );
        if (patched('waits-close-behind')) this.writeBehind(closed);
        else await closed;
      }
    } finally {
      this.moving--;
    }
  }

  /**
   * Waits for an external event of one of `types` about `spec.key` (the provider object id),
   * recorded in the waiting-on index. Events of other types (out of order, or not final) are
   * passed over. Undefined when the timeout passes first. The event returned is not carried to a
   * later run (continue-as-new): keep what you need of it.
   */
  async waitForExternal(spec: WaitSpec, types: readonly string[]): Promise<ExternalEvent | undefined> {
    const match = () => this.externalEvents.get(spec.key)?.find((e) => types.includes(e.type));
    if (!(await this.waitFor(spec, () => match() !== undefined))) return undefined;
    const event = match()!;
    this.deliveredEventIds.add(event.eventId);
    return event;
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

  /** Who completed this run's latest task of `type`, for the next task to stay with them (a handover). */
  completedBy(type: TaskType): string | undefined {
    return this.completers.get(type);
  }

  /**
   * Asks the customer to decide something through a signed link (emailed, with a reminder), as a
   * recorded wait on the customer. Returns their answer as `spec.form` parses it (the form and the
   * options are kept with the decision, and the journey's Update validates answers against them),
   * or undefined when `spec.timeoutMs` passes first (the decision then EXPIRED). A decision
   * carried from the previous run (same subject) is not asked again: its answer is returned.
   */
  customerDecision<const S extends CustomerDecisionSpec>(spec: S): Promise<DecisionOutcome<S>> {
    const carried = this.carriedDecisions.get(spec.subject);
    if (carried) {
      this.carriedDecisions.delete(spec.subject);
      return this.adopt(`decision:${spec.subject}`, carried) as Promise<DecisionOutcome<S>>;
    }
    // Open before the link exists anywhere: the customer may answer as soon as the email is out.
    this.decisions.set(spec.subject, { form: spec.form, options: spec.options });
    return this.decide(spec) as Promise<DecisionOutcome<S>>;
  }

  /** Asks (unless the link went out in an earlier run: `url`), then waits for the answer (or the timeout) and records it. */
  private async decide(spec: CustomerDecisionSpec, url?: string): Promise<Record<string, unknown> | undefined> {
    const open = this.decisions.get(spec.subject)!;
    this.active++;
    this.moving++;
    try {
      if (url === undefined) {
        const { subject, title, details, form, options, timeoutMs } = spec;
        const ask = () => decisions.openCustomerDecision({ journeyId: this.journeyId, subject, title, details, form, options, timeoutMs, at: new Date().toISOString() });
        // Not abandoned half-way by a cancellation: a row written after its withdrawal would stay open.
        ({ url } = await (patched('decision-opened-before-cancel') ? CancellationScope.nonCancellable(ask) : ask()));
      }
      const asked: CarriedDecision = { ...spec, url };
      const { contactName, email } = spec.customer;
      const own = spec.emails;
      const mailed = (which: 'request' | 'reminder'): Pick<SendEmailInput, 'template' | 'data'> =>
        own
          ? // DecisionEmails types the caller's template and data together; the runtime adds what it knows.
            ({ template: own[which], data: { ...own.data, contactName, title: spec.title, url: asked.url } } as Pick<SendEmailInput, 'template' | 'data'>)
          : { template: which === 'request' ? 'decision-request' : 'decision-reminder', data: { contactName, title: spec.title, url: asked.url, form: spec.form } };
      const send = (suffix: string, which: 'request' | 'reminder') =>
        mail.sendEmail({ key: `${this.journeyId}:decision:${spec.subject}${suffix}`, journeyId: this.journeyId, to: email, ...mailed(which) });
      if (!this.askedDecisions.has(spec.subject)) await send('', 'request');
      this.askedDecisions.set(spec.subject, asked);
      // The decision rests while its wait does: the wait is what the run checks before handing over.
      const rest = this.park();
      try {
        await this.waitFor(
          {
            kind: 'approval',
            key: spec.subject,
            description: spec.title,
            unblockedBy: 'customer',
            timeoutMs: spec.timeoutMs,
            reminders: [{ afterMs: spec.remindAfterMs, send: () => send(':reminder', 'reminder') }],
          },
          () => open.answer !== undefined,
        );
      } finally {
        this.unpark(rest);
      }
      const at = new Date().toISOString();
      // Checked rather than the wait's outcome: an answer accepted as the timer fired still counts.
      if (open.answer === undefined) {
        // Refused from now on, not only once the row says EXPIRED.
        this.decisions.delete(spec.subject);
        await decisions.closeCustomerDecision({ journeyId: this.journeyId, subject: spec.subject, outcome: 'expired', at });
        return undefined;
      }
      await decisions.closeCustomerDecision({ journeyId: this.journeyId, subject: spec.subject, outcome: 'answered', answer: open.answer, at });
      return open.answer;
    } catch (err) {
      // The journey moved on (cancelled): the customer's page says so instead of offering a form.
      if (isCancellation(err)) {
        await CancellationScope.nonCancellable(() =>
          decisions.closeCustomerDecision({ journeyId: this.journeyId, subject: spec.subject, outcome: 'withdrawn', at: new Date().toISOString() }),
        );
      }
      throw err;
    } finally {
      this.active--;
      this.moving--;
      this.decisions.delete(spec.subject);
      this.askedDecisions.delete(spec.subject);
    }
  }

  /**
   * Creates a task for a person and returns its validated result once completed. Reminds the
   * holder before it is due and escalates it to the manager queue when its SLA is breached. If
   * the journey moves on without it (its scope is cancelled), the task is cancelled. A task
   * carried from the previous run under `spec.key` is not created again: its result is returned.
   */
  humanTask<T extends TaskType>(spec: HumanTaskSpec<T>): Promise<TaskResult<T>> {
    const carried = spec.key === undefined ? undefined : this.carriedTasks.get(spec.key);
    if (carried) {
      this.carriedTasks.delete(spec.key!);
      return this.adopt(`task:${spec.key}`, carried) as Promise<TaskResult<T>>;
    }
    const id = uuid4();
    const created = new Date();
    const calendar = calendarOf(spec.clock?.hours);
    const at = (ms: number) => new Date(calendar.after(created.getTime(), ms)).toISOString();
    const slaMs = spec.slaMs ?? spec.dueInMs;
    // Open before the row is written: a completion arriving the moment the row is visible (before
    // the activity's result reaches this workflow) is accepted, and waits for `created`.
    const task: OpenTask = {
      id,
      key: spec.key,
      type: spec.type,
      state: 'open',
      created: false,
      since: created.getTime(),
      dueInMs: spec.dueInMs,
      slaMs,
      remindAtMs: spec.dueInMs - (spec.remindBeforeMs ?? spec.dueInMs / 4),
      ...(spec.escalation && { escalation: [...spec.escalation].sort((a, b) => a.afterMs - b.afterMs) }),
      fired: 0,
      ...(spec.clock && { clock: { ...spec.clock, state: SlaClock.started(created.getTime()) } }),
      wait: {
        id: `task:${id}`,
        kind: 'task',
        key: id,
        description: spec.title,
        since: created.toISOString(),
        deadline: at(spec.dueInMs),
        unblockedBy: spec.assignee ?? spec.role,
      },
    };
    return this.followTask(task, () =>
      records.createTask({
        id,
        journeyId: this.journeyId,
        type: spec.type,
        title: spec.title,
        role: spec.role,
        assignee: spec.assignee,
        dueAt: task.wait.deadline!,
        slaAt: at(slaMs),
        input: spec.input ?? {},
        wait: task.wait,
      }),
    ) as Promise<TaskResult<T>>;
  }

  /** A task from creation (or from where the previous run left it) to its result. */
  private async followTask(task: OpenTask, create?: () => Promise<void>): Promise<unknown> {
    const { id, wait } = task;
    this.tasks.set(id, task);
    this.waits.set(wait.id, wait);
    const done = () => task.state === 'done';
    this.active++;
    this.moving++;
    try {
      if (create) {
        await create();
        task.created = true;
      }
      // Deadlines in time order; each fires only if the task is still open when it comes.
      const deadlines: Array<{ afterMs: number; fire: () => Promise<void> }> = [
        { afterMs: task.remindAtMs, fire: () => records.remindTask({ id, journeyId: this.journeyId, dueAt: wait.deadline! }) },
        ...(task.slaMs > task.dueInMs
          ? [
              {
                afterMs: task.dueInMs,
                fire: () => records.recordEvent({ journeyId: this.journeyId, key: `task:${id}:overdue`, type: 'task_overdue', data: { taskId: id, dueAt: wait.deadline! } }),
              },
            ]
          : []),
        ...(task.escalation ?? [{ afterMs: task.slaMs, role: 'manager' }]).map((step, n) => ({
          afterMs: step.afterMs,
          fire: async () => {
            await records.escalateTask({ id, journeyId: this.journeyId, waitId: wait.id, at: new Date().toISOString(), role: step.role, step: n });
            wait.unblockedBy = step.role;
          },
        })),
      ];
      const clock = this.clockOf(task);
      for (; task.fired < deadlines.length; task.fired++) {
        const d = deadlines[task.fired]!;
        if (clock) {
          if (!(await clock.until(d.afterMs, done, () => this.recordTaskClock(task, clock), (ready, ms) => this.parkedCondition(ready, ms)))) break;
          if (task.state === 'open') await d.fire();
          continue;
        }
        // A due date moved meanwhile (changeTaskDue) re-arms the wait for this deadline where it now is.
        for (let left; (left = task.since + d.afterMs + (task.shiftMs ?? 0) - Date.now()) > 0; ) {
          const shift = task.shiftMs;
          const woken = () => done() || task.shiftMs !== shift;
          const rest = this.park(woken, left);
          try {
            await condition(woken, left);
          } finally {
            this.unpark(rest);
          }
          if (done()) break;
        }
        if (done()) break;
        if (task.state === 'open') await d.fire();
      }
      if (clock) {
        // Past its last deadline the clock still pauses and resumes, so the task shows which it is.
        await clock.until(Infinity, done, () => this.recordTaskClock(task, clock), (ready, ms) => this.parkedCondition(ready, ms));
        return task.result;
      }
      const rest = this.park(done);
      try {
        await condition(done);
      } finally {
        this.unpark(rest);
      }
      return task.result;
    } catch (err) {
      if (isCancellation(err)) await CancellationScope.nonCancellable(() => this.cancelTask(task, wait));
      throw err;
    } finally {
      this.active--;
      this.moving--;
      this.waits.delete(wait.id);
      this.tasks.delete(id);
    }
  }

  /** Refuses a due change for a task not open, on its own SLA clock, or to a time already past. */
  private checkDueChange(req: ChangeTaskDueRequest) {
    const task = this.tasks.get(req.taskId);
    if (!task || task.state !== 'open' || this.cancellation) throw taskNotOpen(req.taskId);
    if (task.clock) {
      throw ApplicationFailure.create({ type: FailureTypes.taskDueFixed, message: 'This task is due when its SLA clock says, not on a date set by hand', nonRetryable: true });
    }
    if (!(Date.parse(req.dueAt) > Date.now())) {
      throw ApplicationFailure.create({
        type: FailureTypes.invalidTaskDue,
        message: 'The due date is invalid',
        details: [[{ field: 'dueAt', message: 'Must be in the future' }]],
        nonRetryable: true,
      });
    }
  }

  /**
   * Moves an open task's due date: its deadlines not yet fired (reminder, overdue, escalation) move
   * by as much, and the one it waits for is re-armed; those already fired stay fired.
   */
  private async changeTaskDue(req: ChangeTaskDueRequest): Promise<ChangeTaskDueResponse> {
    const task = this.tasks.get(req.taskId)!;
    // Its row is visible (so it can be asked for) a moment before the journey hears it is written.
    await condition(() => task.created);
    if (task.state !== 'open') throw taskNotOpen(req.taskId);
    const from = task.wait.deadline!;
    const delta = Date.parse(req.dueAt) - Date.parse(from);
    if (delta === 0) return { taskId: task.id, dueAt: from };
    task.shiftMs = (task.shiftMs ?? 0) + delta;
    task.dueChanges = (task.dueChanges ?? 0) + 1;
    task.wait.deadline = new Date(req.dueAt).toISOString();
    // The SLA moves too, unless the task has already escalated (fired: reminder, [overdue], SLA step, ...).
    const slaStep = task.slaMs > task.dueInMs ? 2 : 1;
    const slaAt = task.fired <= slaStep ? new Date(task.since + task.slaMs + task.shiftMs).toISOString() : undefined;
    await records.rescheduleTask({
      id: task.id,
      journeyId: this.journeyId,
      waitId: task.wait.id,
      change: task.dueChanges,
      from,
      dueAt: task.wait.deadline,
      slaAt,
      changedBy: req.changedBy,
      reason: req.reason,
    });
    return { taskId: task.id, dueAt: task.wait.deadline, slaAt };
  }

  /** The clock a task's deadlines are on, if it has its own. */
  private clockOf(task: OpenTask): SlaClock | undefined {
    const c = task.clock;
    if (!c) return undefined;
    const onCustomer = () => [...this.waits.values()].some((w) => w.unblockedBy === 'customer');
    return new SlaClock(c.state, calendarOf(c.hours), c.pausesOnCustomer ? onCustomer : () => false);
  }

  /** Records a task's clock pausing, or resuming with its deadlines moved on by the pause. */
  private async recordTaskClock(task: OpenTask, clock: SlaClock): Promise<void> {
    const at = new Date().toISOString();
    const base = { id: task.id, journeyId: this.journeyId, waitId: task.wait.id, at, change: clock.state.changes };
    if (clock.paused) return records.recordTaskClock({ ...base, paused: true });
    // Deadlines already passed stay where they were.
    const ahead = (ms: number) => (clock.elapsed() < ms ? new Date(clock.reachesAt(ms)!).toISOString() : undefined);
    const dueAt = ahead(task.dueInMs);
    if (dueAt) task.wait.deadline = dueAt;
    await records.recordTaskClock({ ...base, paused: false, dueAt, slaAt: ahead(task.slaMs) });
  }

  /** Temporal's condition, with this primitive at rest while it waits (see park). */
  private async parkedCondition(ready: () => boolean, timeoutMs?: number): Promise<boolean> {
    const rest = this.park(ready, timeoutMs);
    try {
      if (timeoutMs === undefined) {
        await condition(ready);
        return true;
      }
      return await condition(ready, timeoutMs);
    } finally {
      this.unpark(rest);
    }
  }

  /** Ends the journey: records the outcome, lets in-flight updates finish, returns the result. */
  async end(status: JourneyResult['status'], reason: string, cancelledBy?: string): Promise<JourneyResult> {
    this.refuseUndeclared(refusedEnd(this.stages, this.stageCount ? this.stage : undefined, status));
    if (this.writingBehind) await condition(() => this.writingBehind === 0);
    if (this.behindFailure) throw this.behindFailure;
    await records.endJourney({ journeyId: this.journeyId, status, reason, cancelledBy, at: new Date().toISOString() });
    this.status = status;
    await condition(allHandlersFinished);
    return { status, stage: this.stage, reason };
  }

  /**
   * For journeys that last years: call at a safe point of the body — a place it can start again
   * from, such as the top of its long-lived loop, with nothing of its own under way but runtime
   * tasks, waits and decisions. When the history has grown past the limit (or Temporal suggests
   * it), waits until the journey is at rest (no update or signal handler running, every task, wait
   * and decision waiting rather than writing or mailing) and continues as new with `args(snapshot)`:
   * the body's own state plus this runtime's snapshot, which the next run passes back as `resume`.
   * Otherwise returns at once; and also when `stillWanted` says, once at rest, that the hop is no
   * longer wanted (the journey is ending). Branches beside the loop should only store a task's or decision's
   * result in the body's state (the loop acts on it), and ask for it again in the next run, by key.
   */
  async continueAsNewIfDue<F extends Workflow>(args: (snapshot: JourneySnapshot) => Parameters<F>, { stillWanted }: { stillWanted?: () => boolean } = {}): Promise<void> {
    const info = workflowInfo();
    if (!info.continueAsNewSuggested && info.historyLength < this.historyLimit) return;
    // Checked again where the snapshot is taken: a primitive woken in the same activation may have moved first.
    do await condition(() => this.atRest());
    while (!this.atRest());
    // What happened while it waited (the journey is ending) may make the hop pointless: the body goes on in this run.
    if (stillWanted && !stillWanted()) return;
    await continueAsNew<F>(...args(this.snapshot()));
  }

  /**
   * Nothing the next run could not pick up is under way: no handler is running, and every open
   * task, wait and decision is parked on something that has not happened — neither its condition
   * nor its timer (one whose moment has come goes on first, so a completion or an answer is acted
   * on in the run that accepted it, and a reminder due is sent before the hop, not lost in it).
   */
  private atRest(): boolean {
    const now = Date.now();
    return allHandlersFinished() && this.moving === 0 && this.writingBehind === 0 && ![...this.parked].some((p) => p.ready?.() || (p.until !== undefined && now >= p.until));
  }

  /** What the next run needs to carry on where this one is (see JourneySnapshot). */
  snapshot(): JourneySnapshot {
    const tasks = [...this.tasks.values()].filter((t) => t.state === 'open');
    const unkeyed = tasks.find((t) => t.key === undefined);
    // A task without a key could not be taken up by the body again: its result would be lost.
    if (unkeyed) throw new Error(`Task ${unkeyed.id} (${unkeyed.type}) is open without a key: it cannot be carried to the next run`);
    const now = Date.now();
    const seen = [...this.seenEventIds].filter(([, at]) => now - at <= SEEN_EVENTS.windowMs).slice(-SEEN_EVENTS.max);
    return {
      stage: this.stage,
      stageSince: this.stageSince,
      stageCount: this.stageCount,
      waitCount: this.waitCount,
      // A decision's wait goes with the decision (which takes it up again); a task's is the task's.
      waits: [...this.carriedWaits, ...this.waitProgress.values()],
      tasks: tasks.map(({ state: _s, created: _c, result: _r, key, ...t }) => ({ ...t, key: key! })),
      decisions: [...this.askedDecisions.values()],
      events: [...this.externalEvents.values()].flat().filter((e) => !this.takenEventIds.has(e.eventId) && !this.deliveredEventIds.has(e.eventId)),
      seen,
    };
  }

  /** Takes over the previous run's state; its tasks and decisions are followed again from run(). */
  private restore(s: JourneySnapshot) {
    this.stage = s.stage;
    this.stageSince = s.stageSince;
    this.stageCount = s.stageCount;
    this.waitCount = s.waitCount;
    for (const [id, at] of s.seen) this.seenEventIds.set(id, at);
    const now = Date.now();
    for (const e of s.events) {
      this.seenEventIds.set(e.eventId, this.seenEventIds.get(e.eventId) ?? now);
      this.externalEvents.set(e.objectId, [...(this.externalEvents.get(e.objectId) ?? []), e]);
    }
    for (const w of s.waits) {
      this.carriedWaits.push(w);
      this.waits.set(w.wait.id, w.wait);
    }
    for (const t of s.tasks) this.tasks.set(t.id, { ...t, state: 'open', created: true });
    for (const d of s.decisions) {
      this.decisions.set(d.subject, { form: d.form, options: d.options });
      this.askedDecisions.set(d.subject, d);
    }
  }

  /** The carried tasks and decisions go on (their timers from where they were), whether or not the body asks for them again. */
  private resumeCarried() {
    if (!this.resume) return;
    const follow = <T>(outcomes: Map<string, Promise<T>>, key: string, outcome: Promise<T>) => {
      // A cancelled one the body never asked for again must not fail the workflow as unhandled.
      outcome.catch(() => undefined);
      outcomes.set(key, outcome);
    };
    // Each in a scope of its own, so that the body's branch that takes it up can cancel it (see adopt).
    const own = <T>(name: string, start: () => Promise<T>) => {
      const scope = new CancellationScope();
      this.carriedScopes.set(name, scope);
      return scope.run(start);
    };
    for (const t of this.resume.tasks) follow(this.carriedTasks, t.key, own(`task:${t.key}`, () => this.followTask(this.tasks.get(t.id)!)));
    for (const d of this.resume.decisions) {
      const { url, ...spec } = d;
      follow(this.carriedDecisions, d.subject, own(`decision:${d.subject}`, () => this.decide(spec, url)));
    }
  }

  /**
   * A step of a branch beside the body's loop (an activity, an email): a move of the journey, so
   * the run does not continue as new in the middle of it and leave its activity running for a
   * closed run (the next run could not know whether it happened).
   */
  async step<T>(work: () => Promise<T>): Promise<T> {
    this.moving++;
    try {
      return await work();
    } finally {
      this.moving--;
    }
  }

  /** A task the previous run handed over under `key`, not taken up yet (humanTask with that key takes it). */
  hasCarriedTask(key: string): boolean {
    return this.carriedTasks.has(key);
  }

  /**
   * A carried task or decision taken up by the body: cancelling the body's branch that took it up
   * (a retention check-in giving way, an ask withdrawn as the account ends) cancels it too, as it
   * would one it had created itself. (Runs before this patch left it open.)
   */
  private adopt<T>(name: string, outcome: Promise<T>): Promise<T> {
    const scope = this.carriedScopes.get(name);
    if (scope && patched('carried-follow-their-taker')) {
      CancellationScope.current().cancelRequested.catch(() => scope.cancel());
    }
    return outcome;
  }

  /** A carried wait of this kind and key, taken up by the body's wait for it. */
  private takeCarriedWait(spec: WaitSpec): CarriedWait | undefined {
    const i = this.carriedWaits.findIndex(({ wait }) => wait.kind === spec.kind && wait.key === spec.key);
    return i < 0 ? undefined : this.carriedWaits.splice(i, 1)[0];
  }

  /**
   * Lets the journey go on while `write` (the close of a wait it no longer waits on) is recorded:
   * its next step is scheduled in the same workflow task, one activity round trip sooner (an
   * event's effect, bench:webhook-latency). Handing over and ending wait for such writes, and
   * a write that failed for good fails the journey when it ends.
   */
  private writeBehind(write: Promise<unknown>) {
    this.writingBehind++;
    write.then(
      () => this.writingBehind--,
      (err: unknown) => {
        this.writingBehind--;
        this.behindFailure ??= err;
      },
    );
  }

  /**
   * Marks a primitive at rest, waiting until `ready` holds or `timeoutMs` passes, until unpark:
   * the run may hand over meanwhile. Kept synchronous, around the primitive's own await, so that
   * running journeys' promises resolve in the same order as before (and their commands with them).
   */
  private park(ready?: () => boolean, timeoutMs?: number): Parked {
    const entry: Parked = { ready, until: timeoutMs === undefined ? undefined : Date.now() + timeoutMs };
    this.moving--;
    this.parked.add(entry);
    return entry;
  }

  private unpark(entry: Parked) {
    this.parked.delete(entry);
    this.moving++;
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
    this.completers.set(task.type, completedBy);
    task.result = checked.value;
    task.state = 'done';
    return { taskId, completedAt };
  }
}

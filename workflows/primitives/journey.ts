// The building blocks every journey workflow is written with: stage transitions, human tasks and
// the record of what the journey waits on. Deterministic: time comes from the workflow clock
// (Date inside a workflow is Temporal's replay-safe time), ids from uuid4(), I/O from activities.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  uuid4,
} from '@temporalio/workflow';
import type { JourneyRecordActivities } from '../../activities/journey-records';
import {
  completeTaskUpdate,
  FailureTypes,
  journeyStateQuery,
  type JourneyResult,
  type JourneyState,
  type JourneyStatus,
  type Wait,
} from '../definitions';
import { validateTaskResult, type TaskResult, type TaskType } from '../task-forms';

/** Database writes: short, idempotent, retried until the database is back. */
export const recordActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
} as const;

const records = proxyActivities<JourneyRecordActivities>(recordActivityOptions);

type OpenTask = { id: string; type: TaskType; state: 'open' | 'completing' | 'done'; result?: unknown };

export type HumanTaskSpec<T extends TaskType> = {
  type: T;
  title: string;
  role: string;
  /** How long the holder has, in milliseconds. Past it the task is recorded as overdue. */
  dueInMs: number;
  /** Journey data the person needs to do the task. */
  input?: Record<string, unknown>;
};

export class JourneyRuntime {
  private stage = 'starting';
  private stageSince = new Date().toISOString();
  private status: JourneyStatus = 'RUNNING';
  private readonly waits = new Map<string, Wait>();
  private readonly tasks = new Map<string, OpenTask>();
  private stageCount = 0;

  constructor(readonly journeyId: string) {
    setHandler(journeyStateQuery, () => this.state());
    setHandler(completeTaskUpdate, (req) => this.completeTask(req.taskId, req.completedBy, req.result), {
      validator: (req) => {
        const task = this.tasks.get(req.taskId);
        if (!task || task.state !== 'open') {
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
  }

  state(): JourneyState {
    return { stage: this.stage, stageSince: this.stageSince, status: this.status, waitingOn: [...this.waits.values()] };
  }

  async enterStage(stage: string): Promise<void> {
    const at = new Date().toISOString();
    // The sequence number keys the record, so re-entering a stage later is a new event.
    await records.recordStage({ journeyId: this.journeyId, stage, at, sequence: ++this.stageCount });
    this.stage = stage;
    this.stageSince = at;
  }

  /** Creates a task for a person and waits until it is completed with a valid result. */
  async humanTask<T extends TaskType>(spec: HumanTaskSpec<T>): Promise<TaskResult<T>> {
    const id = uuid4();
    const since = new Date();
    const dueAt = new Date(since.getTime() + spec.dueInMs).toISOString();
    await records.createTask({
      id,
      journeyId: this.journeyId,
      type: spec.type,
      title: spec.title,
      role: spec.role,
      dueAt,
      input: spec.input ?? {},
    });
    const task: OpenTask = { id, type: spec.type, state: 'open' };
    this.tasks.set(id, task);
    this.waits.set(id, {
      kind: 'task',
      key: id,
      description: spec.title,
      since: since.toISOString(),
      deadline: dueAt,
      unblockedBy: spec.role,
    });
    try {
      const done = () => task.state === 'done';
      if (!(await condition(done, spec.dueInMs))) {
        await records.recordEvent({
          journeyId: this.journeyId,
          key: `task:${id}:overdue`,
          type: 'task_overdue',
          data: { taskId: id, taskType: spec.type, dueAt },
        });
        await condition(done);
      }
    } finally {
      this.waits.delete(id);
      this.tasks.delete(id);
    }
    return task.result as TaskResult<T>;
  }

  /** Ends the journey: records the outcome, lets in-flight updates finish, returns the result. */
  async end(status: JourneyResult['status'], reason: string): Promise<JourneyResult> {
    await records.endJourney({ journeyId: this.journeyId, status, reason, at: new Date().toISOString() });
    this.status = status;
    await condition(allHandlersFinished);
    return { status, stage: this.stage, reason };
  }

  private async completeTask(taskId: string, completedBy: string, raw: unknown) {
    const task = this.tasks.get(taskId)!;
    // Marked before the first await, so a second update in the same workflow task is rejected.
    task.state = 'completing';
    const checked = validateTaskResult(task.type, raw);
    if (!checked.ok) throw ApplicationFailure.nonRetryable('unreachable: validated by the validator');
    const completedAt = new Date().toISOString();
    await records.completeTask({ id: taskId, journeyId: this.journeyId, completedBy, result: checked.value, completedAt });
    task.result = checked.value;
    task.state = 'done';
    return { taskId, completedAt };
  }
}

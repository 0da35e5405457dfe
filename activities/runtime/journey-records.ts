// Activities that write the journey projection: stages, tasks, waits, notifications and the audit
// trail. Each write is idempotent (keyed by an id the workflow chose, or guarded by the row's
// state), because Temporal retries activities and a retried write must not leave a twin behind.
import { log } from '@temporalio/activity';
import { appendEvent } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { recordJourneyFailure } from '../../platform/journey-failures';
import { Prisma } from '../../prisma/generated/client';
import type { Wait } from '../../workflows/runtime/definitions';
import { refreshCustomerFacts } from './customer-facts';
import type { AssignmentNoticeInput, NoticeAssignment } from './assignment-notice';

type Json = Prisma.InputJsonValue;
type Tx = Prisma.TransactionClient;

export type RecordStageInput = { journeyId: string; stage: string; at: string; sequence: number };
export type CreateTaskInput = {
  id: string;
  journeyId: string;
  type: string;
  title: string;
  role: string;
  assignee?: string;
  dueAt: string;
  slaAt: string;
  input: Record<string, unknown>;
  wait: Wait;
};
export type CompleteTaskInput = {
  id: string;
  journeyId: string;
  waitId: string;
  completedBy: string;
  result: unknown;
  completedAt: string;
};
export type TaskDeadlineInput = { id: string; journeyId: string; dueAt: string };
/** `role`: the queue it moves to (absent in retries scheduled before chains: the manager queue); `step`: its place in the chain. */
export type EscalateTaskInput = { id: string; journeyId: string; waitId: string; at: string; role?: string; step?: number };
/** A task's SLA clock paused, or resumed with the deadlines not yet reached moved on (`change` counts the clock's pauses and resumes). */
export type TaskClockInput = { id: string; journeyId: string; waitId: string; at: string; change: number; paused: boolean; dueAt?: string; slaAt?: string };
/** A manager moved the task's due date (`change`: how many times so far, which keys the event); `slaAt` absent: already escalated, it stays. */
export type RescheduleTaskInput = {
  id: string;
  journeyId: string;
  waitId: string;
  change: number;
  from: string;
  dueAt: string;
  slaAt?: string;
  changedBy: string;
  reason?: string;
};
export type CancelTaskInput = { id: string; journeyId: string; waitId: string; reason: string; at: string };
export type OpenWaitInput = Wait & { journeyId: string };
export type CloseWaitInput = { id: string; at: string; outcome: string };
export type RecordEventInput = { journeyId: string; key: string; type: string; data: Record<string, unknown> };
export type FailJourneyInput = { journeyId: string; reason: string; at: string };

export type EndJourneyInput = {
  journeyId: string;
  status: 'COMPLETED' | 'LOST' | 'CANCELLED';
  reason: string;
  cancelledBy?: string;
  at: string;
};

/** A wait's row, with the stage its journey was in by `since` and the role it waits on (`role`: a task's queue). */
async function waitRow(tx: Tx | Db, journeyId: string, w: Wait, role = w.unblockedBy) {
  const since = new Date(w.since);
  const visit = await tx.stageVisit.findFirst({ where: { journeyId, enteredAt: { lte: since } }, orderBy: { enteredAt: 'desc' }, select: { stage: true } });
  return {
    id: w.id,
    journeyId,
    kind: w.kind,
    key: w.key,
    description: w.description,
    since,
    deadline: w.deadline ? new Date(w.deadline) : null,
    unblockedBy: w.unblockedBy ?? null,
    stage: visit?.stage ?? null,
    role: role ?? null,
  };
}

/** A notice for a person or a queue, once per key. */
const notify = (tx: Tx, n: Prisma.NotificationCreateManyInput) => tx.notification.createMany({ data: [n], skipDuplicates: true });

const closeWait = (tx: Tx, id: string, at: Date, outcome: string) =>
  tx.journeyWait.updateMany({ where: { id, endedAt: null }, data: { endedAt: at, outcome } });

/** `noticeAssignment`: tells a task's holder it is theirs (the worker's; tests of the records alone leave it out). */
export function createJourneyRecordActivities({ db, noticeAssignment }: { db: Db; noticeAssignment?: NoticeAssignment }) {
  /** The task's row, its wait and its event, once. */
  const recordTask = (t: CreateTaskInput) =>
    db.$transaction(async (tx) => {
        const { count } = await tx.task.createMany({
          data: [
            {
              id: t.id,
              journeyId: t.journeyId,
              type: t.type,
              title: t.title,
              role: t.role,
              assignee: t.assignee,
              claimedAt: t.assignee ? new Date(t.wait.since) : null,
              dueAt: new Date(t.dueAt),
              slaAt: new Date(t.slaAt),
              input: t.input as Json,
            },
          ],
          skipDuplicates: true,
        });
        if (count === 0) return;
        await tx.journeyWait.create({ data: await waitRow(tx, t.journeyId, t.wait, t.role) });
        await appendEvent(tx, {
          journeyId: t.journeyId,
          key: `task:${t.id}:created`,
          type: 'task_created',
          data: { taskId: t.id, taskType: t.type, title: t.title, role: t.role, dueAt: t.dueAt },
        });
    });


  return {
    async recordStage({ journeyId, stage, at, sequence }: RecordStageInput): Promise<void> {
      const key = `stage:${journeyId}:${sequence}`;
      const when = new Date(at);
      await db.$transaction(async (tx) => {
        if (!(await appendEvent(tx, { journeyId, key, type: 'stage_entered', data: { stage }, at: when }))) return;
        const journey = await tx.journey.update({ where: { id: journeyId }, data: { stage, stageSince: when }, select: { kind: true, startedAt: true } });
        // Stages are recorded one at a time, in order: the only open visit is the one this ends.
        await tx.stageVisit.updateMany({ where: { journeyId, leftAt: null }, data: { leftAt: when, nextStage: stage } });
        await tx.stageVisit.create({ data: { id: key, journeyId, kind: journey.kind, journeyStartedAt: journey.startedAt, stage, enteredAt: when } });
      });
    },

    async createTask(t: CreateTaskInput): Promise<void> {
      await recordTask(t);
      // Each time, a retry too: the notice is keyed, so a holder is told once. A mail server that
      // is down must not hold the task up (its completion waits for this activity): the bell
      // notice is written first, and a failed email is logged, not retried.
      if (t.assignee && noticeAssignment) {
        await noticeAssignment({ key: `task:${t.id}:${t.assignee}`, taskId: t.id, journeyId: t.journeyId, title: t.title, assignee: t.assignee, dueAt: t.dueAt }).catch((err: unknown) =>
          log.warn('task created, but its holder could not be emailed: the bell notice stands', { taskId: t.id, assignee: t.assignee, error: String(err) }),
        );
      }
    },

    /** Assigned by a manager through the API (workflows/runtime/assignment-notice.ts). */
    async noticeAssignment(a: AssignmentNoticeInput): Promise<void> {
      await noticeAssignment?.(a);
    },

    async completeTask(t: CompleteTaskInput): Promise<void> {
      const at = new Date(t.completedAt);
      await db.$transaction(async (tx) => {
        const { count } = await tx.task.updateMany({
          where: { id: t.id, status: 'OPEN' },
          data: { status: 'COMPLETED', result: t.result as Json, completedBy: t.completedBy, completedAt: at },
        });
        if (count === 0) return;
        await closeWait(tx, t.waitId, at, 'completed');
        await appendEvent(tx, {
          journeyId: t.journeyId,
          key: `task:${t.id}:completed`,
          type: 'task_completed',
          actor: t.completedBy,
          data: { taskId: t.id },
          at,
        });
      });
    },

    /** Reminds whoever holds the task, or its whole queue while nobody has claimed it. */
    async remindTask({ id, journeyId, dueAt }: TaskDeadlineInput): Promise<void> {
      await db.$transaction(async (tx) => {
        const task = await tx.task.findUniqueOrThrow({ where: { id } });
        if (task.status !== 'OPEN' || task.remindedAt) return;
        await tx.task.update({ where: { id }, data: { remindedAt: new Date() } });
        await notify(tx, {
          key: `task:${id}:reminder`,
          kind: 'task_reminder',
          title: `Due soon: ${task.title}`,
          recipientUserId: task.assignee,
          recipientRole: task.assignee ? null : task.role,
          journeyId,
          taskId: id,
        });
        await appendEvent(tx, {
          journeyId,
          key: `task:${id}:reminded`,
          type: 'task_reminded',
          data: { taskId: id, to: task.assignee ?? task.role, dueAt },
        });
      });
    },

    /** SLA breached: the task moves to the manager queue (unclaimed) and managers are told. */
    async escalateTask({ id, journeyId, waitId, at, role = 'manager', step = 0 }: EscalateTaskInput): Promise<void> {
      // The first step keeps the key it always had; later steps of a chain have their own.
      const key = step === 0 ? `task:${id}:escalated` : `task:${id}:escalated:${step}`;
      await db.$transaction(async (tx) => {
        const task = await tx.task.findUniqueOrThrow({ where: { id } });
        if (task.status !== 'OPEN' || (await tx.journeyEvent.findUnique({ where: { key } }))) return;
        await tx.task.update({
          where: { id },
          data: { role, originalRole: task.originalRole ?? task.role, assignee: null, claimedAt: null, escalatedAt: new Date(at) },
        });
        await tx.journeyWait.updateMany({ where: { id: waitId, endedAt: null }, data: { unblockedBy: role } });
        await notify(tx, {
          key,
          kind: 'task_escalated',
          title: `${step === 0 ? 'SLA breached' : 'Still open'}: ${task.title}`,
          recipientRole: role,
          journeyId,
          taskId: id,
        });
        await appendEvent(tx, {
          journeyId,
          key,
          type: 'task_escalated',
          data: { taskId: id, from: task.role, to: role, step, previousAssignee: task.assignee, dueAt: task.dueAt.toISOString() },
          at: new Date(at),
        });
      });
    },

    /** The task shows its clock paused (it is not overdue meanwhile), or running again to its new due time. */
    async recordTaskClock({ id, journeyId, waitId, at, change, paused, dueAt, slaAt }: TaskClockInput): Promise<void> {
      const key = `task:${id}:clock:${change}`;
      const when = new Date(at);
      await db.$transaction(async (tx) => {
        const task = await tx.task.findUniqueOrThrow({ where: { id } });
        if (task.status !== 'OPEN' || (await tx.journeyEvent.findUnique({ where: { key } }))) return;
        await tx.task.update({
          where: { id },
          data: { clockPausedAt: paused ? when : null, ...(dueAt && { dueAt: new Date(dueAt) }), ...(slaAt && { slaAt: new Date(slaAt) }) },
        });
        if (dueAt) await tx.journeyWait.updateMany({ where: { id: waitId, endedAt: null }, data: { deadline: new Date(dueAt) } });
        await appendEvent(tx, {
          journeyId,
          key,
          type: paused ? 'task_clock_paused' : 'task_clock_resumed',
          data: { taskId: id, ...(dueAt && { dueAt }), ...(!paused && task.clockPausedAt && { pausedMs: when.getTime() - task.clockPausedAt.getTime() }) },
          at: when,
        });
      });
    },

    /** The task, its wait and the trail show the new due date; whoever holds it is told. */
    async rescheduleTask({ id, journeyId, waitId, change, from, dueAt, slaAt, changedBy, reason }: RescheduleTaskInput): Promise<void> {
      const key = `task:${id}:due:${change}`;
      await db.$transaction(async (tx) => {
        const task = await tx.task.findUniqueOrThrow({ where: { id } });
        if (task.status !== 'OPEN' || (await tx.journeyEvent.findUnique({ where: { key } }))) return;
        await tx.task.update({ where: { id }, data: { dueAt: new Date(dueAt), ...(slaAt && { slaAt: new Date(slaAt) }) } });
        await tx.journeyWait.updateMany({ where: { id: waitId, endedAt: null }, data: { deadline: new Date(dueAt) } });
        if (task.assignee && task.assignee !== changedBy) {
          await notify(tx, { key, kind: 'task_due_changed', title: `New due date: ${task.title}`, recipientUserId: task.assignee, journeyId, taskId: id });
        }
        await appendEvent(tx, { journeyId, key, type: 'task_due_changed', actor: changedBy, data: { taskId: id, from, dueAt, ...(reason && { reason }) } });
      });
    },

    async cancelTask({ id, journeyId, waitId, reason, at }: CancelTaskInput): Promise<void> {
      const when = new Date(at);
      await db.$transaction(async (tx) => {
        const { count } = await tx.task.updateMany({
          where: { id, status: 'OPEN' },
          data: { status: 'CANCELLED', cancelledAt: when, cancelReason: reason },
        });
        if (count === 0) return;
        await closeWait(tx, waitId, when, 'cancelled');
        await appendEvent(tx, { journeyId, key: `task:${id}:cancelled`, type: 'task_cancelled', data: { taskId: id, reason }, at: when });
      });
    },

    async openWait({ journeyId, ...wait }: OpenWaitInput): Promise<void> {
      await db.journeyWait.createMany({ data: [await waitRow(db, journeyId, wait)], skipDuplicates: true });
    },

    async closeWait({ id, at, outcome }: CloseWaitInput): Promise<void> {
      await db.$transaction((tx) => closeWait(tx, id, new Date(at), outcome));
    },

    async recordEvent(e: RecordEventInput): Promise<void> {
      await db.$transaction((tx) => appendEvent(tx, { ...e, data: e.data as Json }));
    },

    async endJourney({ journeyId, status, reason, cancelledBy, at }: EndJourneyInput): Promise<void> {
      const when = new Date(at);
      await db.$transaction(async (tx) => {
        const journey = await tx.journey.update({
          where: { id: journeyId },
          data: { status, endReason: reason, endedAt: when, cancelledBy },
        });
        // Nothing is waited on by a journey that has ended.
        await tx.journeyWait.updateMany({ where: { journeyId, endedAt: null }, data: { endedAt: when, outcome: 'journey_ended' } });
        await appendEvent(tx, {
          journeyId,
          key: `${journeyId}:ended`,
          type: 'journey_ended',
          actor: cancelledBy,
          data: { status, reason },
          at: when,
        });
        // The journey keeps its outcome; the customer's lifecycle follows from all of theirs.
        await refreshCustomerFacts(tx, journey.customerId);
      });
    },

    /** A journey that cannot go on (platform/journey-failures.ts): FAILED, its tasks and waits closed, managers alerted. */
    async failJourney({ journeyId, reason, at }: FailJourneyInput): Promise<void> {
      await db.$transaction((tx) => recordJourneyFailure(tx, { journeyId, reason, at: new Date(at) }));
    },
  };
}

export type JourneyRecordActivities = ReturnType<typeof createJourneyRecordActivities>;

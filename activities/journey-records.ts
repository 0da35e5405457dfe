// Activities that write the journey projection: stages, tasks and the audit trail. Each write is
// idempotent (keyed by an id the workflow chose), because Temporal retries activities and a
// retried write must not leave a twin behind.
import type { Db } from '../platform/db';
import { Prisma } from '../prisma/generated/client';

type Json = Prisma.InputJsonValue;

export type RecordStageInput = { journeyId: string; stage: string; at: string; sequence: number };
export type CreateTaskInput = {
  id: string;
  journeyId: string;
  type: string;
  title: string;
  role: string;
  dueAt: string;
  input: Record<string, unknown>;
};
export type CompleteTaskInput = {
  id: string;
  journeyId: string;
  completedBy: string;
  result: unknown;
  completedAt: string;
};
export type RecordEventInput = { journeyId: string; key: string; type: string; data: Record<string, unknown> };
export type EndJourneyInput = { journeyId: string; status: 'COMPLETED' | 'LOST'; reason: string; at: string };

export function createJourneyRecordActivities({ db }: { db: Db }) {
  /** Inserts an audit event unless one with the same key exists; true when it was new. */
  async function appendEvent(
    tx: Prisma.TransactionClient,
    e: { journeyId: string; key: string; type: string; actor?: string; data: Json; at?: Date },
  ): Promise<boolean> {
    const { count } = await tx.journeyEvent.createMany({ data: [e], skipDuplicates: true });
    return count === 1;
  }

  return {
    async recordStage({ journeyId, stage, at, sequence }: RecordStageInput): Promise<void> {
      await db.$transaction(async (tx) => {
        const isNew = await appendEvent(tx, {
          journeyId,
          key: `stage:${journeyId}:${sequence}`,
          type: 'stage_entered',
          data: { stage },
          at: new Date(at),
        });
        if (isNew) await tx.journey.update({ where: { id: journeyId }, data: { stage, stageSince: new Date(at) } });
      });
    },

    async createTask(t: CreateTaskInput): Promise<void> {
      await db.$transaction(async (tx) => {
        const { count } = await tx.task.createMany({
          data: [
            {
              id: t.id,
              journeyId: t.journeyId,
              type: t.type,
              title: t.title,
              role: t.role,
              dueAt: new Date(t.dueAt),
              input: t.input as Json,
            },
          ],
          skipDuplicates: true,
        });
        if (count === 1) {
          await appendEvent(tx, {
            journeyId: t.journeyId,
            key: `task:${t.id}:created`,
            type: 'task_created',
            data: { taskId: t.id, taskType: t.type, title: t.title, role: t.role, dueAt: t.dueAt },
          });
        }
      });
    },

    async completeTask(t: CompleteTaskInput): Promise<void> {
      await db.$transaction(async (tx) => {
        const { count } = await tx.task.updateMany({
          where: { id: t.id, status: 'OPEN' },
          data: {
            status: 'COMPLETED',
            result: t.result as Json,
            completedBy: t.completedBy,
            completedAt: new Date(t.completedAt),
          },
        });
        if (count === 1) {
          await appendEvent(tx, {
            journeyId: t.journeyId,
            key: `task:${t.id}:completed`,
            type: 'task_completed',
            actor: t.completedBy,
            data: { taskId: t.id },
            at: new Date(t.completedAt),
          });
        }
      });
    },

    async recordEvent(e: RecordEventInput): Promise<void> {
      await db.$transaction((tx) => appendEvent(tx, { ...e, data: e.data as Json }));
    },

    async endJourney({ journeyId, status, reason, at }: EndJourneyInput): Promise<void> {
      await db.$transaction(async (tx) => {
        const journey = await tx.journey.update({
          where: { id: journeyId },
          data: { status, endReason: reason, endedAt: new Date(at) },
        });
        if (status === 'LOST') await tx.customer.update({ where: { id: journey.customerId }, data: { status: 'LOST' } });
        await appendEvent(tx, {
          journeyId,
          key: `${journeyId}:ended`,
          type: 'journey_ended',
          data: { status, reason },
          at: new Date(at),
        });
      });
    },
  };
}

export type JourneyRecordActivities = ReturnType<typeof createJourneyRecordActivities>;

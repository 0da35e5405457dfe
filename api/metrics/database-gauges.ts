// What PostgreSQL says at scrape time: journeys by kind, status and stage, open tasks by role (overdue,
// escalated), open waits by kind. Three grouped counts on indexed columns, in one read-only
// transaction under a short statement timeout; if PostgreSQL is down or slow the scrape still
// answers, with `pivotal_database_up 0` and no database series (never stale ones).
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';

/** Kept well under Prometheus's default scrape timeout (10 s). */
export const DATABASE_SCRAPE_MS = 2_000;

type JourneyRow = { kind: string; status: string; stage: string | null; n: number };
type TaskRow = { role: string; open: number; overdue: number; escalated: number };
type WaitRow = { kind: string; n: number };

export function databaseGauges(registry: Registry, db: Db, log: Logger) {
  const registers = [registry];
  const up = new Gauge({ name: 'pivotal_database_up', help: '1 when the last scrape read PostgreSQL, 0 when it failed or timed out', registers });
  // Journeys are rows that are never deleted, so their count by kind only grows: a counter.
  const started = new Counter({ name: 'pivotal_journeys_started_total', help: 'Journeys started, by kind (from the Journey table)', labelNames: ['kind'], registers });
  // A gauge, not a counter: a manager's retry takes a FAILED journey back to RUNNING.
  const ended = new Gauge({ name: 'pivotal_journeys_ended', help: 'Journeys ended, by kind and status (COMPLETED, LOST, CANCELLED, FAILED)', labelNames: ['kind', 'status'], registers });
  const running = new Gauge({ name: 'pivotal_journeys_running', help: 'Running journeys, by kind and stage', labelNames: ['kind', 'stage'], registers });
  const tasksOpen = new Gauge({ name: 'pivotal_tasks_open', help: 'Open human tasks, by the role whose queue holds them', labelNames: ['role'], registers });
  const tasksOverdue = new Gauge({ name: 'pivotal_tasks_overdue', help: 'Open human tasks past their due time, by role', labelNames: ['role'], registers });
  const tasksEscalated = new Gauge({ name: 'pivotal_tasks_escalated', help: 'Open human tasks that have been escalated, by the role now holding them', labelNames: ['role'], registers });
  const waitsOpen = new Gauge({ name: 'pivotal_waits_open', help: 'Open waits in the waiting-on index, by kind', labelNames: ['kind'], registers });
  const series = [started, ended, running, tasksOpen, tasksOverdue, tasksEscalated, waitsOpen];

  const read = () =>
    db.$transaction([
      db.$executeRawUnsafe(`SET LOCAL statement_timeout = ${DATABASE_SCRAPE_MS}`),
      db.$queryRaw<JourneyRow[]>`
        SELECT kind, status::text AS status, CASE WHEN status = 'RUNNING' THEN stage END AS stage, count(*)::int AS n
        FROM "Journey" GROUP BY 1, 2, 3`,
      db.$queryRaw<TaskRow[]>`
        SELECT coalesce(role, 'none') AS role, count(*)::int AS open,
               count(*) FILTER (WHERE "dueAt" < now() AND "clockPausedAt" IS NULL)::int AS overdue, -- as GET /api/tasks?overdue: a paused clock is not overdue
               count(*) FILTER (WHERE "escalatedAt" IS NOT NULL)::int AS escalated
        FROM "Task" WHERE status = 'OPEN' GROUP BY 1`,
      db.$queryRaw<WaitRow[]>`SELECT kind::text AS kind, count(*)::int AS n FROM "JourneyWait" WHERE "endedAt" IS NULL GROUP BY 1`,
    ]);

  /** Sets every database series from one read, or clears them and reports the database down. */
  return async function refresh(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    let rows: Awaited<ReturnType<typeof read>>;
    try {
      // The client-side limit covers what the statement timeout cannot: waiting for a connection.
      rows = await Promise.race([read(), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), DATABASE_SCRAPE_MS)))]);
    } catch (err) {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'metrics: PostgreSQL did not answer; database series left out');
      for (const s of series) s.reset();
      up.set(0);
      return;
    } finally {
      clearTimeout(timer);
    }
    const [, journeys, tasks, waits] = rows;
    for (const s of series) s.reset();
    for (const j of journeys) {
      started.inc({ kind: j.kind }, j.n);
      if (j.status === 'RUNNING') running.set({ kind: j.kind, stage: j.stage ?? 'unknown' }, j.n);
      else ended.inc({ kind: j.kind, status: j.status }, j.n);
    }
    for (const t of tasks) {
      tasksOpen.set({ role: t.role }, t.open);
      tasksOverdue.set({ role: t.role }, t.overdue);
      tasksEscalated.set({ role: t.role }, t.escalated);
    }
    for (const w of waits) waitsOpen.set({ kind: w.kind }, w.n);
    up.set(1);
  };
}

// A journey as managers see it: the projection from PostgreSQL, plus — while it runs — what it
// waits on right now, asked of the workflow itself through a query.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { journeyStateQuery, type JourneyState } from '../../workflows/definitions';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { AppError } from '../errors';

const QUERY_TIMEOUT_MS = 5_000;

export async function describeJourney(deps: { db: Db; temporal: Client; log: Logger }, id: string) {
  const journey = await deps.db.journey.findUnique({
    where: { id },
    include: {
      customer: true,
      inquiries: { orderBy: { receivedAt: 'asc' } },
      tasks: { orderBy: { createdAt: 'asc' } },
      events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!journey) return describeUnprojected(deps, id);
  const live = journey.status === 'RUNNING' ? await queryState(deps, id) : undefined;
  const { events, ...rest } = journey;
  return {
    ...rest,
    waitingOn: live?.waitingOn ?? [],
    live: Boolean(live),
    history: events.map(({ id: eventId, ...e }) => ({ id: eventId.toString(), ...e })),
  };
}

/**
 * A journey whose first activity has not yet written its rows (the API answers a lead as soon as
 * the workflow has started): what the workflow itself says, or 404 if Temporal does not know it.
 */
async function describeUnprojected(deps: { temporal: Client; log: Logger }, id: string) {
  const live = await queryState(deps, id);
  if (!live) throw new AppError('not_found', `No journey ${id}`);
  return {
    id,
    kind: id.split(':')[2],
    status: live.status,
    stage: live.stage,
    stageSince: live.stageSince,
    customer: null,
    inquiries: [],
    tasks: [],
    waitingOn: live.waitingOn,
    live: true,
    history: [],
  };
}

/** Undefined when no worker answers in time: the page still shows the stored projection. */
async function queryState(deps: { temporal: Client; log: Logger }, id: string): Promise<JourneyState | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      deps.temporal.workflow.getHandle(id).query(journeyStateQuery),
      new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), QUERY_TIMEOUT_MS))),
    ]);
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) deps.log.warn({ err, journeyId: id }, 'journey state query failed');
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

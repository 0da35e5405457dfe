// A journey as staff see it: the projection from PostgreSQL, plus — while it runs — what it
// waits on right now, asked of the workflow itself through a query. Records with readers of their
// own (READERS: invoices, provider events) are left out for anyone else, as their lists refuse
// them; emails come with customer links redacted.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { journeyIdParts, journeyStateQuery, type JourneyState } from '../../workflows/runtime/definitions';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { hasRole, mayRead, type Principal } from '../auth/roles';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { endReasonParts } from './end-reason';
import { emailForStaff } from './staff-emails';

const QUERY_TIMEOUT_MS = 5_000;

type Deps = { db: Db; temporal: Client; log: Logger; config: Config };

/**
 * The workflow's page in the Temporal Web UI, for managers only: it shows engine internals (inputs,
 * customer links in payloads) and its Cancel bypasses the journey's own cancellation.
 */
export function temporalUiLink(config: Config, viewer: Principal, workflowId: string): string | null {
  if (!hasRole(viewer, 'manager')) return null;
  return `${config.temporal.uiUrl}/namespaces/${encodeURIComponent(config.temporal.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

export async function describeJourney(deps: Deps, id: string, viewer: Principal) {
  const journey = await deps.db.journey.findUnique({
    where: { id },
    include: {
      customer: true,
      inquiries: { orderBy: { receivedAt: 'asc' } },
      tasks: { orderBy: { createdAt: 'asc' }, include: { assignedTo: { select: { name: true } } } },
      waits: { orderBy: { since: 'asc' } },
      emails: { orderBy: { createdAt: 'asc' } },
      quotes: { orderBy: { version: 'asc' }, include: { lineItems: { orderBy: { position: 'asc' } } } },
      contracts: { orderBy: { createdAt: 'asc' }, omit: { document: true } },
      invoices: { orderBy: { createdAt: 'asc' }, include: { payments: true, lines: { orderBy: { position: 'asc' } }, refunds: true, creditNotes: { orderBy: { sequence: 'asc' }, omit: { idempotencyKey: true } } } },
      decisions: { orderBy: { createdAt: 'asc' } },
      events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
      // The journeys this one started (its parent is parentJourneyId).
      children: { orderBy: { startedAt: 'asc' }, select: { id: true, kind: true, status: true } },
    },
  });
  if (!journey) return describeUnprojected(deps, id, viewer);
  const live = journey.status === 'RUNNING' ? await queryState(deps, id) : undefined;
  const { events, emails, invoices: allInvoices, ...rest } = journey;
  const readsInvoices = mayRead(viewer, 'invoices');
  const invoices = readsInvoices ? allInvoices : [];
  const project = await projectOf(deps.db, journey.id, readsInvoices);
  const externalEvents = mayRead(viewer, 'externalEvents')
    ? await deps.db.externalEvent.findMany({ where: { journeyId: id }, orderBy: { receivedAt: 'asc' }, omit: { payload: true } })
    : [];
  // Actors are user ids in the trail; the page shows names.
  const actorIds = [...new Set(events.map((e) => e.actor).filter((a): a is string => !!a && isUuid(a)))];
  const actors = new Map(
    (await deps.db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return {
    ...rest,
    emails: emails.map(emailForStaff),
    invoices,
    project,
    // What the workflow says it waits on; the index's open rows when no worker answered.
    waitingOn: live?.waitingOn ?? journey.waits.filter((w) => !w.endedAt),
    live: Boolean(live),
    endReasonParts: journey.endReason ? await endReasonParts(deps.db, viewer, journey.endReason) : null,
    temporalUiUrl: temporalUiLink(deps.config, viewer, id),
    // For outside systems correlating their own events with this journey.
    envelopeId: journey.contracts.at(-1)?.envelopeId ?? null,
    paymentIntentId: invoices.flatMap((i) => i.payments).at(-1)?.providerPaymentId ?? null,
    externalEvents,
    history: events.map(({ id: eventId, ...e }) => ({
      id: eventId.toString(),
      ...e,
      actorName: e.actor ? (actors.get(e.actor) ?? e.actor) : null,
    })),
  };
}

/** The project a journey won (acquisition), runs (delivery) or bills (billing), with its delivery records (its invoices only for their readers). */
async function projectOf(db: Db, journeyId: string, withInvoices: boolean) {
  const include = {
    milestones: { orderBy: { position: 'asc' as const }, include: { reviews: { orderBy: { round: 'asc' as const } } } },
    changeRequests: { orderBy: { number: 'asc' as const } },
    // Support tickets' time shows on their tickets.
    timeEntries: { where: { milestoneId: { not: null } }, orderBy: { date: 'asc' as const } },
    invoices: { orderBy: { issuedAt: 'asc' as const }, select: { id: true, number: true, kind: true, status: true, journeyId: true, totalMinor: true, paidMinor: true, refundedMinor: true, creditedMinor: true, currency: true, dueAt: true } },
  };
  const billedBy = await db.invoice.findFirst({ where: { journeyId, projectId: { not: null } }, select: { projectId: true } });
  const project = await db.project.findFirst({
    where: { OR: [{ journeyId }, { deliveryJourneyId: journeyId }, ...(billedBy ? [{ id: billedBy.projectId! }] : [])] },
    include: { ...include, quote: { select: { currency: true } } },
  });
  if (!project) return null;
  // Every amount of a project is in its quote's currency.
  const { quote, invoices, ...rest } = project;
  return { ...rest, invoices: withInvoices ? invoices : [], currency: quote.currency };
}

/**
 * A journey whose first activity has not yet written its rows (the API answers a lead as soon as
 * the workflow has started): what the workflow itself says, or 404 if Temporal does not know it.
 */
async function describeUnprojected(deps: Deps, id: string, viewer: Principal) {
  const live = await queryState(deps, id);
  if (!live) throw new AppError('not_found', `No journey ${id}`);
  const { kind, customerId } = journeyIdParts(id);
  // The fields every journey answer carries (api/contract's journeyFields): it started in the stage it is in.
  return {
    id,
    kind,
    customerId,
    status: live.status,
    stage: live.stage,
    stageSince: live.stageSince,
    startedAt: live.stageSince,
    updatedAt: live.stageSince,
    endedAt: null,
    endReason: null,
    endReasonParts: null,
    cancelledBy: null,
    customer: null,
    parentJourneyId: null,
    children: [],
    inquiries: [],
    tasks: [],
    waits: [],
    emails: [],
    quotes: [],
    contracts: [],
    invoices: [],
    decisions: [],
    project: null,
    envelopeId: null,
    paymentIntentId: null,
    externalEvents: [],
    waitingOn: live.waitingOn,
    live: true,
    temporalUiUrl: temporalUiLink(deps.config, viewer, id),
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

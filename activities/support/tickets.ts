// The support journey's records (workflows/support): the ticket and its journey row, routed to a
// queue and an agent; its messages; its SLA clocks as the journey sees them, with each warning,
// breach and escalation told to whoever it concerns; its closing and the customer's rating.
// Every write is keyed (ticket per journey, message by the caller's id, moments by clock and
// round), so a retried activity changes nothing.
import { v5 as uuidv5 } from 'uuid';
import { appendEvent } from '../../platform/audit';
import type { Config } from '../../platform/config';
import { createLinkToken } from '../../platform/customer-links';
import type { Db } from '../../platform/db';
import type { Prisma } from '../../prisma/generated/client';
import type { NewTicket } from '../../workflows/support/messages';
import { chooseQueue } from '../../workflows/support/routing';
import type { ClockName, ClockView, Priority } from '../../workflows/support/sla';

const DAY = 24 * 60 * 60 * 1000;
/** Namespaces the ids of the notes a merge leaves on the ticket merged into. */
const MERGE_NOTE_NAMESPACE = 'a4d1f0c2-7b3e-4e59-8c21-5d9e0f6a7b13';
/** A ticket's link keeps working this long: the customer comes back to an old conversation. */
const TICKET_LINK_DAYS = 2 * 365;

type Tx = Prisma.TransactionClient;
type Json = Prisma.InputJsonValue;

export type OpenedTicket = {
  ticketId: string;
  number: number;
  queue: string;
  assigneeId: string | null;
  billable: boolean;
  warrantyEndsAt: string | null;
  customer: { email: string; contactName: string };
  ticketUrl: string;
};

/** What closing leaves to bill: the minutes worked on a billable ticket, invoiced on its project. */
export type ClosedTicket = { projectId: string | null; billableMinutes: number };

export type ClockMoment = {
  ticketId: string;
  journeyId: string;
  clock: ClockName;
  moment: 'warning' | 'breach' | 'escalation';
  /** Which next-response clock (each customer reply starts one); 0 for the others. */
  round: number;
  to: { userId?: string; role?: string };
  at: string;
};

const CLOCK_LABELS: Record<ClockName, string> = { firstResponse: 'first response', nextResponse: 'next response', resolution: 'resolution' };

/**
 * The nearest breach among the clocks still running, what the inbox sorts by. A clock that breached
 * and still runs counts with its breach, in the past: it sorts first, not after the calm ones.
 */
export function nextBreachOf(clocks: Record<string, ClockView>): Date | null {
  const due = Object.values(clocks)
    .filter((c) => c.dueAt !== undefined)
    .map((c) => Date.parse(c.dueAt!));
  return due.length ? new Date(Math.min(...due)) : null;
}

/** The least-loaded active agent with the queue among their skills (fewest tickets not closed), or null. */
async function leastLoadedAgent(tx: Tx, queue: string): Promise<string | null> {
  const [agent] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT u.id FROM "User" u
    LEFT JOIN "SupportTicket" t ON t."assigneeId" = u.id AND t.status <> 'closed'
    WHERE u.active AND 'support' = ANY(u.roles) AND ${queue} = ANY(u.skills)
    GROUP BY u.id ORDER BY count(t.id), u.id LIMIT 1`;
  return agent?.id ?? null;
}

export function createSupportActivities({ db, config }: { db: Db; config: Config }) {
  const ticketUrl = (journeyId: string, ticketId: string, from: Date) =>
    `${config.http.publicUrl}/customer/tickets/${createLinkToken(config.auth.secret, { purpose: 'support-ticket', journeyId, subject: ticketId, exp: from.getTime() + TICKET_LINK_DAYS * DAY })}`;

  return {
    /**
     * Records the ticket and its journey, routed: its queue by the rules, an agent by load (or
     * none, to be claimed); billable when its project's warranty has ended.
     */
    async openTicket(i: { journeyId: string; customerId: string; ticket: NewTicket; warrantyDays: number; at: string }): Promise<OpenedTicket> {
      const at = new Date(i.at);
      return db.$transaction(async (tx) => {
        let ticket = await tx.supportTicket.findUnique({ where: { journeyId: i.journeyId }, include: { customer: true } });
        if (!ticket) {
          const project = i.ticket.projectId ? await tx.project.findFirst({ where: { id: i.ticket.projectId, customerId: i.customerId } }) : null;
          const warrantyEndsAt = project?.signedOffAt ? new Date(project.signedOffAt.getTime() + i.warrantyDays * DAY) : null;
          const queue = chooseQueue({ ...i.ticket, customerId: i.customerId }, config.support.routing);
          const assigneeId = config.support.routing.assign === 'least-loaded' ? await leastLoadedAgent(tx, queue) : null;
          await tx.journey.createMany({ data: [{ id: i.journeyId, kind: 'support', customerId: i.customerId, stage: 'new', stageSince: at, startedAt: at }], skipDuplicates: true });
          ticket = await tx.supportTicket.create({
            data: {
              journeyId: i.journeyId,
              customerId: i.customerId,
              projectId: project?.id,
              subject: i.ticket.subject,
              description: i.ticket.description,
              category: i.ticket.category,
              priority: i.ticket.priority,
              queue,
              assigneeId,
              raisedBy: i.ticket.raisedBy,
              channel: i.ticket.channel,
              billable: warrantyEndsAt !== null && warrantyEndsAt < at,
              warrantyEndsAt,
              createdAt: at,
            },
            include: { customer: true },
          });
          await appendEvent(tx, {
            journeyId: i.journeyId,
            key: `ticket:${ticket.id}:raised`,
            type: 'ticket_raised',
            data: { number: ticket.number, queue, assigneeId, priority: ticket.priority, category: ticket.category, channel: ticket.channel, billable: ticket.billable },
          });
          if (assigneeId) {
            await tx.notification.createMany({
              data: [{ key: `ticket:${ticket.id}:assigned:${assigneeId}`, kind: 'ticket_assigned', title: `Ticket T-${ticket.number} is yours`, recipientUserId: assigneeId, journeyId: i.journeyId }],
              skipDuplicates: true,
            });
          }
        }
        return {
          ticketId: ticket.id,
          number: ticket.number,
          queue: ticket.queue,
          assigneeId: ticket.assigneeId,
          billable: ticket.billable,
          warrantyEndsAt: ticket.warrantyEndsAt?.toISOString() ?? null,
          customer: { email: ticket.customer.email, contactName: ticket.customer.contactName },
          ticketUrl: ticketUrl(i.journeyId, ticket.id, at),
        };
      });
    },

    /** A message, once per id; the ticket's stage follows from the journey's stage records. */
    async recordTicketMessage(m: { ticketId: string; journeyId: string; messageId: string; author: string; authorName: string; internal: boolean; body: string; at: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        const created = await tx.ticketMessage.createMany({
          data: [{ id: m.messageId, ticketId: m.ticketId, author: m.author, authorName: m.authorName, internal: m.internal, body: m.body, createdAt: new Date(m.at) }],
          skipDuplicates: true,
        });
        if (!created.count) return;
        const type = m.author === 'customer' ? 'ticket_customer_replied' : m.internal ? 'ticket_note_added' : 'ticket_agent_replied';
        await appendEvent(tx, { journeyId: m.journeyId, key: `ticket-message:${m.messageId}`, type, data: { messageId: m.messageId, by: m.author, name: m.authorName } });
      });
    },

    async triageTicket(t: { ticketId: string; journeyId: string; by: { id: string; name: string }; priority: Priority; queue: string; assigneeId: string | null; reason: string; at: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        const before = await tx.supportTicket.findUniqueOrThrow({ where: { id: t.ticketId } });
        await tx.supportTicket.update({ where: { id: t.ticketId }, data: { priority: t.priority, queue: t.queue, assigneeId: t.assigneeId } });
        await appendEvent(tx, {
          journeyId: t.journeyId,
          key: `ticket:${t.ticketId}:triage:${t.at}`,
          type: 'ticket_triaged',
          data: { by: t.by.id, name: t.by.name, reason: t.reason, from: { priority: before.priority, queue: before.queue, assigneeId: before.assigneeId }, to: { priority: t.priority, queue: t.queue, assigneeId: t.assigneeId } },
        });
        if (t.assigneeId && t.assigneeId !== before.assigneeId) {
          await tx.notification.createMany({
            data: [{ key: `ticket:${t.ticketId}:assigned:${t.assigneeId}:${t.at}`, kind: 'ticket_assigned', title: `Ticket T-${before.number} is yours`, recipientUserId: t.assigneeId, journeyId: t.journeyId }],
            skipDuplicates: true,
          });
        }
      });
    },

    /** The clocks as the journey sees them now, and the stage it is in. */
    async writeClocks(c: { ticketId: string; clocks: Record<string, ClockView>; at: string }): Promise<void> {
      const ticket = await db.supportTicket.findUniqueOrThrow({ where: { id: c.ticketId }, select: { journey: { select: { stage: true } } } });
      await db.supportTicket.update({ where: { id: c.ticketId }, data: { clocks: c.clocks as Json, nextBreachAt: nextBreachOf(c.clocks), status: ticket.journey.stage } });
    },

    /** A warning, breach or escalation: recorded once, and told to its holder or queue. */
    async recordClockMoment(m: ClockMoment): Promise<void> {
      await db.$transaction(async (tx) => {
        const key = `ticket:${m.ticketId}:${m.clock}:${m.round}:${m.moment}:${m.to.role ?? m.to.userId}`;
        const ticket = await tx.supportTicket.findUniqueOrThrow({ where: { id: m.ticketId } });
        const isNew = await appendEvent(tx, { journeyId: m.journeyId, key, type: `ticket_sla_${m.moment}`, data: { clock: m.clock, round: m.round, to: m.to, at: m.at } });
        if (!isNew) return;
        if (m.moment === 'breach') await tx.supportTicket.update({ where: { id: m.ticketId }, data: { breaches: { increment: 1 } } });
        const what = m.moment === 'warning' ? 'SLA warning' : m.moment === 'breach' ? 'SLA breached' : 'Escalated';
        await tx.notification.createMany({
          data: [{ key, kind: `ticket_sla_${m.moment}`, title: `${what}: ${CLOCK_LABELS[m.clock]} on T-${ticket.number}`, recipientUserId: m.to.userId ?? null, recipientRole: m.to.role ?? null, journeyId: m.journeyId }],
          skipDuplicates: true,
        });
      });
    },

    /** The ticket closed: why, its final clocks and figures in business minutes, and a duplicate's ticket merged into. */
    async closeTicket(c: {
      ticketId: string;
      journeyId: string;
      closeReason: string;
      reason: string;
      mergeIntoJourneyId?: string;
      clocks: Record<string, ClockView>;
      figures: { firstResponseMinutes: number | null; resolutionMinutes: number | null };
      at: string;
    }): Promise<ClosedTicket> {
      await db.$transaction(async (tx) => {
        const ticket = await tx.supportTicket.findUniqueOrThrow({ where: { id: c.ticketId } });
        if (ticket.closedAt) return;
        const into = c.mergeIntoJourneyId ? await tx.supportTicket.findUnique({ where: { journeyId: c.mergeIntoJourneyId } }) : null;
        await tx.supportTicket.update({
          where: { id: c.ticketId },
          data: { status: 'closed', closedAt: new Date(c.at), closeReason: c.closeReason, mergedIntoId: into?.id, clocks: c.clocks as Json, nextBreachAt: null, ...c.figures },
        });
        if (into) {
          // The ticket it duplicates says so, for whoever works it: a note with the duplicate's words.
          await tx.ticketMessage.createMany({
            data: [
              {
                id: uuidv5(`merged:${c.ticketId}`, MERGE_NOTE_NAMESPACE),
                ticketId: into.id,
                author: 'system',
                authorName: 'Pivotal Flow',
                internal: true,
                body: `T-${ticket.number} (${ticket.subject}) was closed as a duplicate of this ticket. It said:\n\n${ticket.description}`,
                createdAt: new Date(c.at),
              },
            ],
            skipDuplicates: true,
          });
          await appendEvent(tx, { journeyId: into.journeyId, key: `ticket:${c.ticketId}:merged-into:${into.id}`, type: 'ticket_merged', data: { from: `T-${ticket.number}` } });
        }
        await appendEvent(tx, {
          journeyId: c.journeyId,
          key: `ticket:${c.ticketId}:closed`,
          type: 'ticket_closed',
          data: { reason: c.reason, closeReason: c.closeReason, mergedInto: into ? `T-${into.number}` : undefined, ...c.figures },
        });
      });
      // Time on a ticket outside its warranty is billed, unless the ticket was spam (no customer asked for that work).
      const ticket = await db.supportTicket.findUniqueOrThrow({ where: { id: c.ticketId } });
      const billed = ticket.billable && ticket.projectId && c.closeReason !== 'spam';
      const time = billed ? await db.timeEntry.aggregate({ where: { ticketId: ticket.id, invoiceId: null }, _sum: { minutes: true } }) : undefined;
      return { projectId: ticket.projectId, billableMinutes: time?._sum.minutes ?? 0 };
    },

    async recordSatisfaction(s: { ticketId: string; journeyId: string; rating: number; comment?: string; at: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.supportTicket.update({ where: { id: s.ticketId }, data: { satisfaction: s.rating, satisfactionComment: s.comment ?? null } });
        await appendEvent(tx, { journeyId: s.journeyId, key: `ticket:${s.ticketId}:rated`, type: 'ticket_rated', data: { rating: s.rating, comment: s.comment } });
      });
    },
  };
}

export type SupportActivities = ReturnType<typeof createSupportActivities>;

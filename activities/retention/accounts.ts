// The retention journey's records (workflows/retention): the client's account with customer
// success, its check-ins (due, then held or missed), the client's contacts from onboarding, the
// health score with each input, and the relationship's end. Every write is keyed (the account by
// customer, a check-in by its kind and due time, events by the journey and what happened), so a
// retried activity changes nothing.
import { appendEvent } from '../../platform/audit';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { Prisma } from '../../prisma/generated/client';
import type { CheckInKind, EarlyCadence } from '../../workflows/retention/cadence';
import type { retentionTaskForms } from '../../workflows/retention/forms';
import { healthOf, type Health, type HealthSignals, type Sentiment } from '../../workflows/retention/health';
import type { HandOver } from '../../workflows/retention/messages';
import type { z } from 'zod';
import { journeyWorkflowId } from '../../workflows/runtime/definitions';
import { refreshCustomerFacts } from '../runtime/customer-facts';

const DAY = 24 * 60 * 60 * 1000;
/** The health score's window for tickets, breaches and ratings. */
const HEALTH_WINDOW_DAYS = 90;

type Tx = Prisma.TransactionClient;
type Json = Prisma.InputJsonValue;

export type Account = {
  clientSince: string;
  onboardedAt: string | null;
  earlyCadence: EarlyCadence;
  ownerId: string | null;
  customer: { email: string; contactName: string; companyName: string };
  settings: { atRiskBelow: number; quietAfterDays: number };
};

export type CheckInRef = { journeyId: string; customerId: string; kind: CheckInKind; dueAt: string };
export type CheckInHeld = CheckInRef & { result: z.output<(typeof retentionTaskForms)['check-in']>; at: string };

export function createRetentionActivities({ db, config }: { db: Db; config: Config }) {
  const accountOf = async (tx: Tx | Db, customerId: string): Promise<Account> => {
    const account = await tx.clientAccount.findUniqueOrThrow({ where: { customerId }, include: { customer: true } });
    const { customer } = account;
    return {
      clientSince: (customer.clientSince ?? account.createdAt).toISOString(),
      onboardedAt: account.onboardedAt?.toISOString() ?? null,
      earlyCadence: account.earlyCadence,
      ownerId: account.ownerId,
      customer: { email: customer.email, contactName: customer.contactName, companyName: customer.companyName },
      settings: { atRiskBelow: config.retention.atRiskBelow, quietAfterDays: config.retention.quietAfterDays },
    };
  };

  const recordHandOver = (tx: Tx, journeyId: string, h: HandOver, at: Date) =>
    appendEvent(tx, { journeyId, key: `account:${journeyId}:handed-over:${h.projectId}`, type: 'project_handed_over', data: h, at });

  return {
    /**
     * The customer's retention journey: the running one, or the id the next would have. Two
     * hand-overs at once may both get a new id; the second start is refused and signals instead.
     */
    async retentionJourneyFor({ customerId }: { customerId: string }): Promise<{ journeyId: string; running: boolean; historyLimit?: number }> {
      const journeys = await db.journey.findMany({ where: { customerId, kind: 'retention' }, select: { id: true, status: true } });
      const running = journeys.find((j) => j.status === 'RUNNING');
      const { historyLimit } = config.retention;
      return running ? { journeyId: running.id, running: true, historyLimit } : { journeyId: journeyWorkflowId(customerId, 'retention', journeys.length + 1), running: false, historyLimit };
    },

    /**
     * The journey's row and the customer's account (a returning client's account starts over with
     * this journey: onboarding again, no end). Called by every run: what it returns is the account now.
     */
    async openAccount({ journeyId, customerId, handOver, at }: { journeyId: string; customerId: string; handOver: HandOver; at: string }): Promise<Account & { warrantyEndsAt: string | null; projectName: string }> {
      const when = new Date(at);
      return db.$transaction(async (tx) => {
        const { count } = await tx.journey.createMany({
          data: [{ id: journeyId, kind: 'retention', customerId, parentJourneyId: handOver.deliveryJourneyId, stage: 'onboarding', stageSince: when, startedAt: when }],
          skipDuplicates: true,
        });
        if (count) {
          await tx.clientAccount.upsert({
            where: { customerId },
            create: { customerId, journeyId, earlyCadence: config.retention.earlyCadence },
            update: { journeyId, onboardedAt: null, endedAt: null, endReason: null, atRisk: false },
          });
          await appendEvent(tx, { journeyId, key: `account:${journeyId}:opened`, type: 'account_opened', data: { ...handOver }, at: when });
          await recordHandOver(tx, journeyId, handOver, when);
          await refreshCustomerFacts(tx, customerId);
        }
        const project = await tx.project.findUniqueOrThrow({ where: { id: handOver.projectId } });
        const warrantyEndsAt = project.signedOffAt ? new Date(project.signedOffAt.getTime() + config.support.warrantyDays * DAY).toISOString() : null;
        return { ...(await accountOf(tx, customerId)), warrantyEndsAt, projectName: project.name };
      });
    },

    async recordHandOver({ journeyId, handOver, at }: { journeyId: string; handOver: HandOver; at: string }): Promise<void> {
      await db.$transaction((tx) => recordHandOver(tx, journeyId, handOver, new Date(at)));
    },

    /**
     * A manager's or the owner's change to the account; what it is now. A new owner takes over the
     * account's open tasks the old one held (or nobody did): the journey assigns later ones itself.
     */
    async changeAccount(i: { journeyId: string; customerId: string; ownerId?: string | null; earlyCadence?: EarlyCadence; by: string; key: string; at: string }): Promise<Account> {
      const at = new Date(i.at);
      return db.$transaction(async (tx) => {
        const data = { ...(i.ownerId !== undefined && { ownerId: i.ownerId }), ...(i.earlyCadence && { earlyCadence: i.earlyCadence }) };
        const before = await tx.clientAccount.findUniqueOrThrow({ where: { customerId: i.customerId } });
        if (await appendEvent(tx, { journeyId: i.journeyId, key: `account:${i.journeyId}:change:${i.key}`, type: 'account_changed', actor: i.by, data, at })) {
          await tx.clientAccount.update({ where: { customerId: i.customerId }, data });
          if (i.ownerId !== undefined && i.ownerId !== before.ownerId) {
            await tx.task.updateMany({
              where: { journeyId: i.journeyId, status: 'OPEN', assignee: before.ownerId, escalatedAt: null },
              data: { assignee: i.ownerId, claimedAt: i.ownerId ? at : null },
            });
          }
        }
        return accountOf(tx, i.customerId);
      });
    },

    /** The onboarding checklist done: the client's people on the client list, the account onboarded. */
    async recordOnboarding(i: { journeyId: string; customerId: string; result: z.output<(typeof retentionTaskForms)['onboarding-checklist']>; at: string }): Promise<Account> {
      const at = new Date(i.at);
      return db.$transaction(async (tx) => {
        await tx.clientContact.createMany({ data: i.result.clientContacts.map((c) => ({ customerId: i.customerId, name: c.name, email: c.email })), skipDuplicates: true });
        await tx.clientAccount.updateMany({ where: { customerId: i.customerId, onboardedAt: null }, data: { onboardedAt: at } });
        await appendEvent(tx, { journeyId: i.journeyId, key: `account:${i.journeyId}:onboarded`, type: 'client_onboarded', data: { contacts: i.result.clientContacts.length, operationalContacts: i.result.operationalContacts }, at });
        return accountOf(tx, i.customerId);
      });
    },

    /** The next check-in, as the account page shows it (null: none, the journey is ending). */
    async scheduleCheckIn({ customerId, next }: { customerId: string; next: { kind: CheckInKind; dueAt: string } | null }): Promise<void> {
      await db.clientAccount.update({ where: { customerId }, data: { nextCheckInAt: next ? new Date(next.dueAt) : null, nextCheckInKind: next?.kind ?? null } });
    },

    /** A check-in falls due: its row, open until it is held or missed. */
    async checkInDue(c: CheckInRef): Promise<void> {
      await db.$transaction(async (tx) => {
        const { count } = await tx.checkIn.createMany({ data: [{ customerId: c.customerId, journeyId: c.journeyId, kind: c.kind, dueAt: new Date(c.dueAt) }], skipDuplicates: true });
        if (count) await appendEvent(tx, { journeyId: c.journeyId, key: `check-in:${c.journeyId}:${c.kind}:${c.dueAt}:due`, type: 'check_in_due', data: { kind: c.kind, dueAt: c.dueAt } });
      });
    },

    async holdCheckIn(c: CheckInHeld): Promise<void> {
      const r = c.result;
      await db.$transaction(async (tx) => {
        const { count } = await tx.checkIn.updateMany({
          where: checkInWhere(c, 'DUE'),
          data: {
            status: 'HELD',
            heldAt: new Date(c.at),
            channel: r.channel,
            sentiment: r.sentiment,
            notes: r.notes,
            issuesRaised: r.issuesRaised,
            opportunitiesFound: r.opportunitiesFound,
            referralAsked: r.referralAsked,
          },
        });
        if (count) {
          await appendEvent(tx, {
            journeyId: c.journeyId,
            key: `check-in:${c.journeyId}:${c.kind}:${c.dueAt}:held`,
            type: 'check_in_held',
            data: { kind: c.kind, dueAt: c.dueAt, sentiment: r.sentiment, opportunities: r.opportunitiesFound.length, issues: r.issuesRaised.length },
          });
        }
      });
    },

    /** Not held by the time the next one fell due (or the relationship ended first). */
    async missCheckIn(c: CheckInRef & { at: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        const { count } = await tx.checkIn.updateMany({ where: checkInWhere(c, 'DUE'), data: { status: 'MISSED' } });
        if (count) await appendEvent(tx, { journeyId: c.journeyId, key: `check-in:${c.journeyId}:${c.kind}:${c.dueAt}:missed`, type: 'check_in_missed', data: { kind: c.kind, dueAt: c.dueAt }, at: new Date(c.at) });
      });
    },

    /** The annual survey's answer, on its review. */
    async recordNps(c: CheckInRef & { score: number; comment?: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.checkIn.updateMany({ where: checkInWhere(c), data: { nps: c.score, npsComment: c.comment ?? null } });
        await appendEvent(tx, { journeyId: c.journeyId, key: `check-in:${c.journeyId}:${c.kind}:${c.dueAt}:nps`, type: 'nps_answered', actor: 'customer', data: { score: c.score } });
      });
    },

    /**
     * The health score now, from the customer's own records (health.ts has the formula), stored on
     * the account with each input; and when they were last in touch (a check-in held, a ticket, a
     * hand-over, a payment), for telling a relationship gone quiet.
     */
    async assessHealth({ journeyId, customerId, key, at }: { journeyId: string; customerId: string; key: string; at: string }): Promise<{ health: Health; lastContactAt: string }> {
      const now = new Date(at);
      const since = new Date(now.getTime() - HEALTH_WINDOW_DAYS * DAY);
      return db.$transaction(async (tx) => {
        const [tickets, rated, overdueInvoices, checkIns, lastTicket, lastHandOver, lastPayment, account] = await Promise.all([
          tx.supportTicket.findMany({ where: { customerId, createdAt: { gt: since, lte: now }, OR: [{ closeReason: null }, { closeReason: { not: 'spam' } }] }, select: { breaches: true, createdAt: true } }),
          tx.supportTicket.findMany({ where: { customerId, closedAt: { gt: since, lte: now }, satisfaction: { not: null } }, select: { satisfaction: true } }),
          tx.invoice.count({ where: { customerId, status: { in: ['OPEN', 'PARTIALLY_PAID'] }, dueAt: { lt: now } } }),
          tx.checkIn.findMany({ where: { customerId, dueAt: { lte: now } }, orderBy: { dueAt: 'desc' }, take: 50 }),
          tx.supportTicket.findFirst({ where: { customerId, createdAt: { lte: now } }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } }),
          tx.project.findFirst({ where: { customerId, handedOverAt: { not: null } }, orderBy: { handedOverAt: 'desc' }, select: { handedOverAt: true } }),
          tx.payment.findFirst({ where: { invoice: { customerId }, paidAt: { not: null } }, orderBy: { paidAt: 'desc' }, select: { paidAt: true } }),
          tx.clientAccount.findUniqueOrThrow({ where: { customerId } }),
        ]);
        const lastHeld = checkIns.find((c) => c.status === 'HELD');
        const signals: HealthSignals = {
          csatRatings: rated.map((t) => t.satisfaction!),
          nps: checkIns.find((c) => c.nps !== null)?.nps ?? null,
          tickets: tickets.length,
          breaches: tickets.reduce((n, t) => n + t.breaches, 0),
          overdueInvoices,
          missedCheckIns: checkIns.filter((c) => c.status === 'MISSED' && (!lastHeld || c.dueAt > lastHeld.dueAt)).length,
          lastSentiment: (lastHeld?.sentiment as Sentiment | undefined) ?? null,
        };
        const health = healthOf(signals, config.retention.atRiskBelow);
        await tx.clientAccount.update({ where: { customerId }, data: { healthScore: health.score, atRisk: health.atRisk, healthInputs: health.contributions as Json, healthAt: now } });
        await appendEvent(tx, { journeyId, key: `health:${journeyId}:${key}`, type: 'health_assessed', data: { score: health.score, atRisk: health.atRisk }, at: now });
        const contacts = [lastHeld?.heldAt, lastTicket?.createdAt, lastHandOver?.handedOverAt, lastPayment?.paidAt, account.createdAt];
        const lastContactAt = new Date(Math.max(...contacts.filter((d): d is Date => !!d).map((d) => d.getTime())));
        return { health, lastContactAt: lastContactAt.toISOString() };
      });
    },

    /** The customer left, or went quiet: the account ends and they are a former client (Customer.leftAt). */
    async endAccount({ journeyId, customerId, reason, by, at }: { journeyId: string; customerId: string; reason: string; by: string; at: string }): Promise<void> {
      const when = new Date(at);
      await db.$transaction(async (tx) => {
        if (!(await appendEvent(tx, { journeyId, key: `account:${journeyId}:ended`, type: 'relationship_ended', actor: by, data: { reason }, at: when }))) return;
        await tx.clientAccount.update({ where: { customerId }, data: { endedAt: when, endReason: reason, nextCheckInAt: null, nextCheckInKind: null } });
        await tx.customer.update({ where: { id: customerId }, data: { leftAt: when } });
      });
    },
  };
}

const checkInWhere = (c: CheckInRef, status?: 'DUE') => ({ customerId: c.customerId, kind: c.kind, dueAt: new Date(c.dueAt), ...(status && { status }) });

export type RetentionActivities = ReturnType<typeof createRetentionActivities>;

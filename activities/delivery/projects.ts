// Delivery's records (seed 000 journey 2, seed 004): the milestones planned from the approved quote,
// the team and kickoff, each milestone's review rounds, change requests and what an approved one
// amends (a new quote version, the milestone it joins and its due date), weekly status updates,
// sign-off and closure. Every write is keyed (project, position, round, number), so retries add nothing.
import { appendEvent } from '../../platform/audit';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { ChangeRequestInput } from '../../workflows/runtime/definitions';
import { refreshCustomerFacts } from '../runtime/customer-facts';
import { quoteTotals } from '../../workflows/acquisition/quote-math';
import { formatMoney } from '../../workflows/runtime/money';

const DAY = 86_400_000;

export type PlannedMilestone = { id: string; position: number; title: string; amountMinor: number; dueAt: string; status: string };
export type ProjectPlan = {
  projectId: string;
  name: string;
  currency: string;
  billing: 'MILESTONES' | 'COMPLETION';
  customer: { email: string; contactName: string; companyName: string };
  milestones: PlannedMilestone[];
  /** From configuration, recorded in history with the plan so the journey's timers stay deterministic. */
  settings: { statusIntervalDays: number; customerReviewDays: number };
};

const asPlanned = (m: { id: string; position: number; title: string; amountMinor: number; dueAt: Date; status: string }): PlannedMilestone => ({
  id: m.id,
  position: m.position,
  title: m.title,
  amountMinor: m.amountMinor,
  dueAt: m.dueAt.toISOString(),
  status: m.status,
});

export function createDeliveryActivities({ db, config }: { db: Db; config: Config }) {
  const milestonesOf = async (projectId: string) =>
    (await db.milestone.findMany({ where: { projectId }, orderBy: { position: 'asc' } })).map(asPlanned);

  return {
    /** The journey row (its parent: the acquisition that won the project), and milestones from the approved quote's line items (once), due in turn. */
    async planProject({ journeyId, projectId, at }: { journeyId: string; projectId: string; at: string }): Promise<ProjectPlan> {
      const project = await db.project.findUniqueOrThrow({
        where: { id: projectId },
        include: { quote: { include: { lineItems: { orderBy: { position: 'asc' } } } }, customer: true },
      });
      const start = Date.parse(at);
      await db.$transaction(async (tx) => {
        await tx.project.update({ where: { id: projectId }, data: { deliveryJourneyId: journeyId } });
        await tx.journey.createMany({
          data: [{ id: journeyId, kind: 'delivery', customerId: project.customerId, parentJourneyId: project.journeyId, stage: 'kickoff', stageSince: new Date(at), startedAt: new Date(at) }],
          skipDuplicates: true,
        });
        await tx.milestone.createMany({
          data: project.quote.lineItems.map((l, i) => ({
            projectId,
            position: i + 1,
            title: l.description,
            amountMinor: l.totalMinor,
            dueAt: new Date(start + (i + 1) * config.delivery.milestoneDays * DAY),
          })),
          skipDuplicates: true,
        });
        await appendEvent(tx, { journeyId, key: `project:${projectId}:planned`, type: 'project_planned', data: { projectId, milestones: project.quote.lineItems.length } });
        await refreshCustomerFacts(tx, project.customerId);
      });
      return {
        projectId,
        name: project.name,
        currency: project.quote.currency,
        billing: project.quote.billing,
        customer: { email: project.customer.email, contactName: project.customer.contactName, companyName: project.customer.companyName },
        milestones: await milestonesOf(projectId),
        settings: { statusIntervalDays: config.delivery.statusIntervalDays, customerReviewDays: config.delivery.customerReviewDays },
      };
    },

    async recordKickoff(k: { journeyId: string; projectId: string; projectManager: string; team: Array<{ name: string; role: string }>; at: string }) {
      await db.$transaction(async (tx) => {
        const project = await tx.project.update({
          where: { id: k.projectId },
          data: { team: [{ name: k.projectManager, role: 'Project manager' }, ...k.team], kickoffAt: new Date(k.at), status: 'ACTIVE' },
        });
        await appendEvent(tx, { journeyId: k.journeyId, key: `project:${k.projectId}:kickoff`, type: 'project_kickoff', data: { projectManager: k.projectManager, team: k.team } });
        // A first kickoff ends the customer's onboarding.
        await refreshCustomerFacts(tx, project.customerId);
      });
    },

    /** Round `round` of a milestone goes to the customer with what the team submitted. */
    async submitMilestone(s: { journeyId: string; milestoneId: string; round: number; summary: string; at: string }) {
      await db.$transaction(async (tx) => {
        await tx.milestoneReview.createMany({ data: [{ milestoneId: s.milestoneId, round: s.round, summary: s.summary, submittedAt: new Date(s.at) }], skipDuplicates: true });
        await tx.milestone.update({ where: { id: s.milestoneId }, data: { status: 'IN_REVIEW', submittedAt: new Date(s.at) } });
        await appendEvent(tx, { journeyId: s.journeyId, key: `milestone:${s.milestoneId}:round:${s.round}:submitted`, type: 'milestone_submitted', data: { milestoneId: s.milestoneId, round: s.round } });
      });
    },

    /** The customer's answer to a round: accepted, or revisions (the team works on it again). */
    async reviewMilestone(r: { journeyId: string; milestoneId: string; round: number; accepted: boolean; comments?: string; at: string }) {
      await db.$transaction(async (tx) => {
        await tx.milestoneReview.update({
          where: { milestoneId_round: { milestoneId: r.milestoneId, round: r.round } },
          data: { decision: r.accepted ? 'accepted' : 'revisions', comments: r.comments ?? null, decidedAt: new Date(r.at) },
        });
        await tx.milestone.update({
          where: { id: r.milestoneId },
          data: r.accepted ? { status: 'ACCEPTED', acceptedAt: new Date(r.at) } : { status: 'REVISIONS_REQUESTED' },
        });
        await appendEvent(tx, {
          journeyId: r.journeyId,
          key: `milestone:${r.milestoneId}:round:${r.round}:${r.accepted ? 'accepted' : 'revisions'}`,
          type: r.accepted ? 'milestone_accepted' : 'milestone_revisions_requested',
          data: { milestoneId: r.milestoneId, round: r.round, ...(r.comments && { comments: r.comments }) },
        });
      });
    },

    async startMilestone({ milestoneId }: { milestoneId: string }) {
      await db.milestone.updateMany({ where: { id: milestoneId, status: 'PLANNED' }, data: { status: 'IN_PROGRESS' } });
    },

    async recordChangeRequest(c: ChangeRequestInput & { journeyId: string; projectId: string; number: number }) {
      await db.$transaction(async (tx) => {
        const { count } = await tx.changeRequest.createMany({
          data: [{ projectId: c.projectId, journeyId: c.journeyId, number: c.number, title: c.title, description: c.description, costMinor: c.costMinor, days: c.days, raisedBy: c.raisedBy }],
          skipDuplicates: true,
        });
        if (count) {
          await appendEvent(tx, { journeyId: c.journeyId, key: `change-request:${c.projectId}:${c.number}:raised`, type: 'change_request_raised', actor: c.raisedBy, data: { number: c.number, title: c.title, costMinor: c.costMinor, days: c.days } });
        }
      });
    },

    async settleChangeRequest(s: { projectId: string; number: number; status: 'PENDING_CUSTOMER' | 'REJECTED'; financeNotes?: string; customerComments?: string; by: string }) {
      const cr = await db.changeRequest.update({
        where: { projectId_number: { projectId: s.projectId, number: s.number } },
        data: { status: s.status, ...(s.financeNotes && { financeNotes: s.financeNotes }), ...(s.customerComments && { customerComments: s.customerComments }), ...(s.status === 'REJECTED' && { decidedAt: new Date() }) },
      });
      await appendEvent(db, {
        journeyId: cr.journeyId,
        key: `change-request:${s.projectId}:${s.number}:${s.status}`,
        type: s.status === 'REJECTED' ? 'change_request_rejected' : 'change_request_finance_approved',
        actor: s.by,
        data: { number: s.number },
      });
    },

    /**
     * An approved change: a new quote version (the latest plus the change as a line), the change
     * joins the earliest milestone not yet accepted (a new milestone when all are) whose due date
     * moves by its days, and that milestone's invoice bills it. Returns the milestones as amended.
     */
    async applyChangeRequest({ projectId, number }: { projectId: string; number: number }): Promise<PlannedMilestone[]> {
      await db.$transaction(async (tx) => {
        const cr = await tx.changeRequest.findUniqueOrThrow({ where: { projectId_number: { projectId, number } } });
        if (cr.status === 'APPROVED') return;
        const project = await tx.project.findUniqueOrThrow({ where: { id: projectId } });
        const latest = await tx.quote.findFirstOrThrow({
          where: { journeyId: project.journeyId, status: 'APPROVED' },
          orderBy: { version: 'desc' },
          include: { lineItems: { orderBy: { position: 'asc' } } },
        });
        const lines = [...latest.lineItems, { description: `Change request #${number}: ${cr.title}`, quantity: 1, unitPriceMinor: cr.costMinor }];
        const totals = quoteTotals(lines, latest.depositPercent);
        const version = latest.version + 1;
        await tx.quote.create({
          data: {
            journeyId: project.journeyId,
            customerId: latest.customerId,
            version,
            status: 'APPROVED',
            currency: latest.currency,
            subtotalMinor: totals.subtotalMinor,
            totalMinor: totals.totalMinor,
            summary: latest.summary,
            notes: `Amended by change request #${number}`,
            depositPercent: latest.depositPercent,
            billing: latest.billing,
            decidedAt: new Date(),
            lineItems: { create: totals.lines.map((l) => ({ position: l.position, description: l.description, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, totalMinor: l.totalMinor })) },
          },
        });
        const open = await tx.milestone.findFirst({ where: { projectId, status: { not: 'ACCEPTED' } }, orderBy: { position: 'asc' } });
        const last = await tx.milestone.findFirstOrThrow({ where: { projectId }, orderBy: { position: 'desc' } });
        const milestone = open
          ? await tx.milestone.update({ where: { id: open.id }, data: { dueAt: new Date(open.dueAt.getTime() + cr.days * DAY) } })
          : await tx.milestone.create({
              data: { projectId, position: last.position + 1, title: `Change request #${number}: ${cr.title}`, amountMinor: 0, dueAt: new Date(last.dueAt.getTime() + cr.days * DAY) },
            });
        await tx.changeRequest.update({ where: { id: cr.id }, data: { status: 'APPROVED', quoteVersion: version, milestoneId: milestone.id, decidedAt: new Date() } });
        await appendEvent(tx, {
          journeyId: cr.journeyId,
          key: `change-request:${projectId}:${number}:approved`,
          type: 'change_request_approved',
          data: { number, quoteVersion: version, milestone: milestone.position, cost: formatMoney(cr.costMinor, latest.currency), days: cr.days },
        });
      });
      return milestonesOf(projectId);
    },

    /** The week's status for the customer: each milestone, where it stands. */
    async statusUpdateLines({ projectId }: { projectId: string }): Promise<string[]> {
      const milestones = await db.milestone.findMany({ where: { projectId }, orderBy: { position: 'asc' }, include: { reviews: true } });
      return milestones.map((m) => {
        const state = { PLANNED: 'planned', IN_PROGRESS: 'in progress', IN_REVIEW: 'with you for review', REVISIONS_REQUESTED: 'being revised', ACCEPTED: 'accepted' }[m.status];
        return `${m.title}: ${state}${m.status === 'ACCEPTED' ? '' : `, due ${m.dueAt.toISOString().slice(0, 10)}`}`;
      });
    },

    async signOffProject({ journeyId, projectId, at }: { journeyId: string; projectId: string; at: string }) {
      await db.$transaction(async (tx) => {
        await tx.project.update({ where: { id: projectId }, data: { status: 'SIGNED_OFF', signedOffAt: new Date(at), handedOverAt: new Date(at) } });
        await appendEvent(tx, { journeyId, key: `project:${projectId}:signed-off`, type: 'project_signed_off', actor: 'customer', data: { projectId } });
        await appendEvent(tx, { journeyId, key: `project:${projectId}:handed-over`, type: 'handed_to_customer_success', data: { projectId } });
      });
    },

    /** Everything invoiced is paid: the project is closed. */
    async closeProject({ journeyId, projectId, at }: { journeyId: string; projectId: string; at: string }) {
      await db.$transaction(async (tx) => {
        await tx.project.update({ where: { id: projectId }, data: { status: 'COMPLETED', closedAt: new Date(at) } });
        await appendEvent(tx, { journeyId, key: `project:${projectId}:closed`, type: 'project_closed', data: { projectId } });
      });
    },
  };
}

export type DeliveryActivities = ReturnType<typeof createDeliveryActivities>;

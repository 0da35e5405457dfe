// A billing journey on one hand-made milestone, for tests of finance's work on an invoice: the
// invoice's total is exactly the milestone's amount (a lead of no country: no tax; no deposit).
import { randomUUID } from 'node:crypto';
import { lead } from './fixtures';
import type { Harness } from './harness';
import { eventually } from './http';

/** A billing journey started for a milestone of `amountMinor` in `currency`; its invoice once issued and awaiting payment. */
export async function invoiceFor(h: Harness, currency: string, amountMinor: number, leadOverrides: Record<string, unknown> = {}) {
  const { body } = await h.as('anonymous')('POST', '/api/leads', lead(leadOverrides));
  const customerId: string = body.customerId;
  await eventually(() => h.db.journey.findUnique({ where: { id: body.journeyId } }), Boolean);
  const quote = await h.db.quote.create({ data: { journeyId: body.journeyId, customerId, version: 1, status: 'APPROVED', currency, subtotalMinor: amountMinor, totalMinor: amountMinor } });
  const project = await h.db.project.create({ data: { journeyId: body.journeyId, customerId, quoteId: quote.id, name: 'Storefront' } });
  const milestone = await h.db.milestone.create({ data: { projectId: project.id, position: 1, title: 'Design', amountMinor, dueAt: new Date() } });
  const journeyId = `journey:${customerId}:billing:${randomUUID().slice(0, 8)}`;
  await h.env.client.workflow.start('billingJourney', { workflowId: journeyId, taskQueue: h.taskQueue, args: [{ journeyId, customerId, projectId: project.id, milestoneId: milestone.id }] });
  const invoice = (await eventually(() => h.db.invoice.findFirst({ where: { milestoneId: milestone.id } }), Boolean, 30_000))!;
  await eventually(() => h.db.journeyWait.findFirst({ where: { journeyId, kind: 'payment', endedAt: null } }), Boolean, 30_000);
  return invoice;
}

// Changing a workflow must never break journeys already running. Every recorded history in
// histories/ is replayed against today's workflow code; a non-deterministic change fails here.
// Record new histories (keep the old ones!) after a workflow change with:
//   RECORD_HISTORIES=1 npm test -- test/replay
// or only some scenarios' (those whose workflows changed): RECORD_HISTORIES=support,delivery
// (`billing`: an invoice settled by a transfer and two credit notes, the patch `credit-notes`;
// `acquisition-cancelled`: a task's due date moved, then the journey cancelled)
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { receiveExternalEvent } from '../../api/domain/external-events';
import { createLogger } from '../../platform/logger';
import { startHarness, workflowBundle } from '../support/harness';
import { eventually, request } from '../support/http';
import { approveReview, discoveryMeeting, followUpQualified, lead, quoteDraft } from '../support/fixtures';
import { journeyDriver } from '../support/journey-driver';
import { invoiceFor } from '../support/billing';

const dir = path.join(__dirname, 'histories');
const RETENTION_HISTORY_LIMIT = 100;

/** A workflow's latest run, or one run of it. */
type RecordedRun = string | { workflowId: string; runId: string };

/** Drives journeys through the API on a real server and saves their histories as the Temporal
 * CLI exports them (`temporal workflow show -o json`), the format the Web UI downloads too. */
async function recordHistories() {
  // A low limit, so the retention journey recorded continues as new (its first and last runs are kept).
  const h = await startHarness({ env: { RETENTION_HISTORY_LIMIT: String(RETENTION_HISTORY_LIMIT) } });
  try {
    const drive = journeyDriver(h);
    const reviewed = async (id: string, version: number) => {
      await drive.complete('sales', id, 'prepare-quote', quoteDraft);
      await drive.complete('pm', id, 'review-estimates', approveReview);
      await drive.complete('finance', id, 'review-pricing', approveReview);
      return drive.quoteLink(id, version);
    };
    const answer = async (link: string, body: object, status = 200) => expect((await request(h.baseUrl, 'POST', link, body)).status).toBe(status);
    /** The record names of the journeys a scenario took from a lead, with their workflow ids. */
    const deliveredAndPaid = async (acquisitionId: string): Promise<Record<string, RecordedRun>> => {
      await drive.qualify(acquisitionId);
      const { deliveryId } = await drive.deliveryStarted(acquisitionId);
      await drive.deliverMilestone(deliveryId, 1, 1, 'request-changes', 'Bigger logo');
      await drive.deliverMilestone(deliveryId, 1, 2);
      const cr = await h.as('pm')('POST', `/api/journeys/${encodeURIComponent(deliveryId)}/change-requests`, { title: 'Gift cards', description: 'At checkout', costMinor: 50_000, days: 3 });
      expect(cr.status).toBe(201);
      await drive.complete('finance', deliveryId, 'review-change-request', { decision: 'approve', notes: 'Fine' });
      await drive.answer(deliveryId, 'change-request:1', 'accept');
      await eventually(() => h.db.changeRequest.findFirstOrThrow({ where: { journeyId: deliveryId } }), (c) => c.status === 'APPROVED');
      await drive.deliverMilestone(deliveryId, 2);
      await drive.answer(deliveryId, 'sign-off:1', 'accept');
      const invoices = await eventually(() => h.db.invoice.findMany({ where: { kind: 'milestone', journeyId: { startsWith: deliveryId.replace(':delivery:', ':billing:') } }, orderBy: { number: 'asc' } }), (i) => i.length === 2);
      const pay = async (journeyId: string, body: object) => answer(await drive.emailedLink(journeyId, 'invoice'), body, 201);
      await pay(invoices[0]!.journeyId, { amountMinor: 1_000, nonce: 'part-one' });
      await eventually(() => h.db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } }), (i) => i.paidMinor === 1_000);
      await pay(invoices[0]!.journeyId, { nonce: 'part-two' });
      await pay(invoices[1]!.journeyId, { nonce: 'whole-balance' });
      await h.env.client.workflow.getHandle(deliveryId).result();
      const retention = await retentionOnboardedAndLeft(deliveryId);
      // A payment confirmed after the invoice was paid: its own journey records it and asks finance.
      const deps = { db: h.db, temporal: h.env.client, config: h.config, log: createLogger('silent') };
      const late = { invoiceId: invoices[1]!.id, amountMinor: 2_500 };
      expect(await receiveExternalEvent(deps, { source: 'local-payments', eventId: 'local_pi_late:succeeded', type: 'payment_intent.succeeded', objectId: 'local_pi_late', journeyId: invoices[1]!.journeyId, data: late, payload: late })).toBe('applied');
      const latePaymentId = (await h.db.externalEvent.findFirstOrThrow({ where: { eventId: 'local_pi_late:succeeded' } })).journeyId!;
      await drive.complete('finance', latePaymentId, 'review-late-payment', { outcome: 'refunded', notes: 'Refunded by bank transfer' });
      return {
        'acquisition-won-starts-delivery': acquisitionId,
        'delivery-signed-off-paid': deliveryId,
        'billing-paid-in-two-parts': invoices[0]!.journeyId,
        'billing-paid-in-full': invoices[1]!.journeyId,
        'billing-late-payment': latePaymentId,
        ...retention,
      };
    };
    /**
     * The retention journey the sign-off started: the owner assigned, onboarding done, the cadence
     * changed back and forth until the journey continues as new, then the customer leaves.
     */
    const retentionOnboardedAndLeft = async (deliveryId: string): Promise<Record<string, RecordedRun>> => {
      const { customerId } = (await h.db.journey.findUniqueOrThrow({ where: { id: deliveryId } }));
      const retentionId = `journey:${customerId}:retention:1`;
      const account = (change: object) => h.as('manager')('PATCH', `/api/customers/${customerId}/account`, change);
      await eventually(() => h.db.clientAccount.findUnique({ where: { customerId } }), Boolean);
      expect((await account({ ownerId: h.users.success.id })).status).toBe(200);
      await drive.complete('success', retentionId, 'onboarding-checklist', { operationalContacts: [{ name: 'Robert King', contactFor: 'Technical questions' }], clientContacts: [], recognition: 'A card' });
      const handle = h.env.client.workflow.getHandle(retentionId);
      const first = (await handle.describe()).runId;
      for (let i = 0; (await handle.describe()).runId === first; i++) {
        if (i === 20) throw new Error('the retention journey did not continue as new');
        expect((await account({ earlyCadence: i % 2 ? 'biweekly' : 'monthly' })).status).toBe(200);
      }
      expect((await h.as('manager')('POST', `/api/customers/${customerId}/account/end`, { reason: 'Moved in-house' })).status).toBe(202);
      return { 'retention-first-run': { workflowId: retentionId, runId: first }, 'retention-continued-ended': retentionId };
    };
    /** A ticket on a project out of its warranty: replies both ways, time billed, confirmed, rated low and followed up. */
    const supportBilledRatedLow = async (acquisitionId: string): Promise<Record<string, RecordedRun>> => {
      const { customerId } = await eventually(() => h.db.journey.findUnique({ where: { id: acquisitionId } }), Boolean).then((j) => j!);
      const quote = await h.db.quote.create({ data: { journeyId: acquisitionId, customerId, version: 1, status: 'APPROVED', currency: 'EUR', subtotalMinor: 1_000, totalMinor: 1_000 } });
      const project = await h.db.project.create({ data: { journeyId: acquisitionId, customerId, quoteId: quote.id, name: 'Replay project', signedOffAt: new Date(Date.now() - 400 * 86_400_000) } });
      const raised = await h.as('support')('POST', '/api/tickets', { customerId, projectId: project.id, subject: 'Slow pages', description: 'The shop is slow.', category: 'technical' });
      const supportId = raised.body.journeyId as string;
      const ticket = await eventually(() => h.db.supportTicket.findUnique({ where: { journeyId: supportId } }), Boolean);
      const staff = (action: string, body: object) => h.as('support')('POST', `/api/tickets/${ticket!.id}/${action}`, body);
      expect((await staff('replies', { id: randomUUID(), body: 'Which pages?' })).status).toBe(200);
      const link = await drive.emailedLink(supportId, 'received');
      await answer(link, { body: 'The product pages.', nonce: 'replay-reply' });
      expect((await staff('time-entries', { date: '2026-12-01', hours: 2, rateMinor: 10_000, description: 'Added a cache' })).status).toBe(201);
      expect((await staff('replies', { id: randomUUID(), body: 'Cached: fast again.', then: 'resolved' })).status).toBe(200);
      await answer(link, { confirmResolved: true, nonce: 'replay-confirm' });
      await answer(await drive.emailedLink(supportId, 'decision:satisfaction'), { rating: 2, comment: 'Took a while' });
      await drive.complete('support_lead', supportId, 'csat-follow-up', { outcome: 'called-customer', notes: 'Called them; explained the cache.' });
      const invoice = await eventually(() => h.db.invoice.findFirst({ where: { ticketId: ticket!.id } }), Boolean);
      await answer(await drive.emailedLink(invoice!.journeyId, 'invoice'), { nonce: 'replay-support-invoice' }, 201);
      return { 'support-billed-rated-low': supportId, 'billing-support-time': invoice!.journeyId };
    };
    const scenarios: Record<string, (journeyId: string) => Promise<void | Record<string, RecordedRun>>> = {
      'acquisition-won': async (id) => {
        await drive.complete('sales', id, 'follow-up-call', followUpQualified);
        await drive.complete('sales', id, 'discovery-meeting', discoveryMeeting);
        await drive.complete('sales', id, 'prepare-quote', quoteDraft);
        await drive.complete('pm', id, 'review-estimates', { ...approveReview, decision: 'revise' });
        await answer(await reviewed(id, 2), { decision: 'request-changes', comments: 'Cheaper design?' });
        await answer(await reviewed(id, 3), { decision: 'approve' });
        await answer(await drive.emailedLink(id, 'contract:'), { decision: 'sign' });
        await answer(await drive.emailedLink(id, 'deposit:'), {});
      },
      'acquisition-contract-declined': async (id) => {
        await drive.complete('sales', id, 'follow-up-call', followUpQualified);
        await drive.complete('sales', id, 'discovery-meeting', discoveryMeeting);
        await answer(await reviewed(id, 1), { decision: 'approve' });
        await answer(await drive.emailedLink(id, 'contract:'), { decision: 'decline', reason: 'Legal review' });
      },
      'acquisition-declined': async (id) => {
        await drive.complete('sales', id, 'follow-up-call', followUpQualified);
        await drive.complete('sales', id, 'discovery-meeting', discoveryMeeting);
        await answer(await reviewed(id, 1), { decision: 'decline', comments: 'Too expensive' });
      },
      'acquisition-disqualified': async (id) => {
        await drive.complete('sales', id, 'follow-up-call', { outcome: 'disqualified', notes: 'No budget', disqualifiedReason: 'No budget' });
      },
      delivery: deliveredAndPaid,
      // €1,234.56 invoiced: €200.00 by bank transfer, a €34.56 credit note, then the €1,000.00 left credited: paid.
      billing: async () => {
        const invoice = await invoiceFor(h, 'EUR', 123_456);
        expect((await h.as('finance')('POST', `/api/invoices/${invoice.id}/payments`, { amountMinor: 20_000, reference: 'BT-REPLAY' })).status).toBe(202);
        await eventually(() => h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } }), (i) => i.paidMinor === 20_000);
        const credit = (amountMinor: number, key: string) =>
          request(h.baseUrl, 'POST', `/api/invoices/${invoice.id}/credit-notes`, { amountMinor, reason: 'Agreed with the customer' }, h.users.finance.token, { 'Idempotency-Key': key });
        expect((await credit(3_456, 'replay-1')).status).toBe(201);
        await eventually(() => h.db.creditNote.findFirst({ where: { invoiceId: invoice.id, appliedAt: { not: null } } }), Boolean);
        expect((await credit(100_000, 'replay-2')).status).toBe(201);
        return { 'billing-credit-notes': invoice.journeyId };
      },
      support: supportBilledRatedLow,
      'acquisition-cancelled': async (id) => {
        const task = await eventually(() => h.db.task.findFirst({ where: { journeyId: id, status: 'OPEN' } }), Boolean);
        // Its due date moved (the changeTaskDue Update re-arms the task's timers) before the journey is cancelled.
        const moved = await h.as('manager')('POST', `/api/tasks/${task!.id}/due`, { dueAt: new Date(task!.dueAt.getTime() + 86_400_000).toISOString(), reason: 'Client away' });
        expect(moved.status).toBe(200);
        const res = await h.as('manager')('POST', `/api/journeys/${encodeURIComponent(id)}/cancel`, { reason: 'Duplicate of another lead' });
        expect(res.status).toBe(200);
      },
    };
    // Day and time: a second recording on one day (after another workflow change) keeps the first.
    const stamp = new Date().toISOString().slice(0, 16).replace(':', '');
    const only = process.env.RECORD_HISTORIES === '1' ? undefined : process.env.RECORD_HISTORIES!.split(',');
    for (const [name, run] of Object.entries(scenarios).filter(([n]) => !only || only.includes(n))) {
      const { body } = await h.as('anonymous')('POST', '/api/leads', lead());
      const recorded = (await run(body.journeyId)) ?? { [name]: body.journeyId };
      for (const [file, run] of Object.entries(recorded)) {
        const { workflowId, runId } = typeof run === 'string' ? { workflowId: run, runId: undefined } : run;
        await h.env.client.workflow.getHandle(workflowId).result();
        // A history on file is never replaced: it stands for journeys that ran that code.
        const target = path.join(dir, `${file}.${stamp}.json`);
        if (fs.existsSync(target)) continue;
        const json = execFileSync(process.env.TEMPORAL_CLI_PATH!, ['workflow', 'show', '--workflow-id', workflowId, ...(runId ? ['--run-id', runId] : []), '--address', h.env.address, '--output', 'json']);
        fs.writeFileSync(target, json);
      }
    }
  } finally {
    await h.stop();
  }
}

it('replays every recorded journey history with the current workflow code', async () => {
  if (process.env.RECORD_HISTORIES) await recordHistories();
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  expect(files.length).toBeGreaterThan(0);
  const histories = files.map((f) => ({
    workflowId: f,
    // The worker converts JSON histories itself (Worker.validateHistory).
    history: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown,
  }));
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories)) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
});

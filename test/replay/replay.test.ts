// Changing a workflow must never break journeys already running. Every recorded history in
// histories/ is replayed against today's workflow code; a non-deterministic change fails here.
// Record new histories (keep the old ones!) after a workflow change with:
//   RECORD_HISTORIES=1 npm test -- test/replay
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { receiveExternalEvent } from '../../api/domain/external-events';
import { createLogger } from '../../platform/logger';
import { startHarness, workflowBundle } from '../support/harness';
import { eventually, request } from '../support/http';
import { approveReview, discoveryMeeting, followUpQualified, lead, quoteDraft } from '../support/fixtures';
import { journeyDriver } from '../support/journey-driver';

const dir = path.join(__dirname, 'histories');

/** Drives journeys through the API on a real server and saves their histories as the Temporal
 * CLI exports them (`temporal workflow show -o json`), the format the Web UI downloads too. */
async function recordHistories() {
  const h = await startHarness();
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
    const deliveredAndPaid = async (acquisitionId: string): Promise<Record<string, string>> => {
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
      };
    };
    const scenarios: Record<string, (journeyId: string) => Promise<void | Record<string, string>>> = {
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
      'acquisition-cancelled': async (id) => {
        await eventually(() => h.db.task.count({ where: { journeyId: id, status: 'OPEN' } }), (n) => n === 1);
        const res = await h.as('manager')('POST', `/api/journeys/${encodeURIComponent(id)}/cancel`, { reason: 'Duplicate of another lead' });
        expect(res.status).toBe(200);
      },
    };
    // Day and time: a second recording on one day (after another workflow change) keeps the first.
    const stamp = new Date().toISOString().slice(0, 16).replace(':', '');
    for (const [name, run] of Object.entries(scenarios)) {
      const { body } = await h.as('anonymous')('POST', '/api/leads', lead());
      const recorded = (await run(body.journeyId)) ?? { [name]: body.journeyId };
      for (const [file, workflowId] of Object.entries(recorded)) {
        await h.env.client.workflow.getHandle(workflowId).result();
        // A history on file is never replaced: it stands for journeys that ran that code.
        const target = path.join(dir, `${file}.${stamp}.json`);
        if (fs.existsSync(target)) continue;
        const json = execFileSync(process.env.TEMPORAL_CLI_PATH!, ['workflow', 'show', '--workflow-id', workflowId, '--address', h.env.address, '--output', 'json']);
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

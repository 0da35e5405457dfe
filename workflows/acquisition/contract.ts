// Seed 000 phase 5, inside the acquisition journey: the contract generated from the approved
// quote goes out for e-signature (reminder halfway, voided when it expires), then the deposit from
// the payment terms is requested and awaited; signed and paid, the project is created.
// Provider events (DocuSign Connect, Stripe webhooks, or the local providers' pages) arrive as
// `externalEvent` signals, kept by the journey until the matching wait takes them.
import { proxyActivities } from '@temporalio/workflow';
import type { ContractActivities, Referral } from '../../activities/acquisition/contracts';
import type { EmailActivities } from '../../activities/runtime/email';
import { PAYMENT_EVENTS, SIGNATURE_EVENTS, type AcquisitionInput } from '../runtime/definitions';
import { mailActivityOptions, recordActivityOptions } from '../runtime/journey';
import type { AcquisitionRuntime } from './stages';
import { formatMoney } from '../runtime/money';

const contracts = proxyActivities<ContractActivities>({
  ...recordActivityOptions,
  startToCloseTimeout: '2 minutes', // PDF generation and a provider call
});
const mail = proxyActivities<EmailActivities>(mailActivityOptions);

export type ContractOutcome = { outcome: 'won'; projectId: string; referral?: Referral } | { outcome: 'lost'; reason: string };

export async function contractPhase(journey: AcquisitionRuntime, input: AcquisitionInput, quoteVersion: number): Promise<ContractOutcome> {
  const { journeyId, inquiry } = input;
  const until = (iso: string) => Math.max(Date.parse(iso) - Date.now(), 1);
  const email = (key: string, template: 'contract' | 'contract-reminder' | 'deposit' | 'deposit-reminder', data: object) =>
    mail.sendEmail({ key: `${journeyId}:${key}`, journeyId, to: inquiry.email, template, data } as Parameters<typeof mail.sendEmail>[0]);

  await journey.enterStage('contract');
  const sent = await contracts.sendContract({ journeyId, quoteVersion, at: new Date().toISOString() });
  // A Connect event that overtook the envelope's id (and named no journey) was kept until now.
  journey.receive(sent.earlyEvents ?? []);
  const signMail = { contactName: inquiry.contactName, url: sent.signUrl, expiresAt: sent.expiresAt };
  // DocuSign emails the signer itself; the local provider's signing page is ours to send.
  if (sent.signUrl) await email(`contract:${sent.contractId}`, 'contract', signMail);
  const signMs = until(sent.expiresAt);
  const signed = await journey.waitForExternal(
    {
      kind: 'signature',
      key: sent.envelopeId,
      description: 'Customer signature on the contract',
      unblockedBy: 'customer',
      timeoutMs: signMs,
      reminders: sent.signUrl ? [{ afterMs: signMs / 2, send: () => email(`contract:${sent.contractId}:reminder`, 'contract-reminder', signMail) }] : [],
    },
    SIGNATURE_EVENTS,
  );
  if (!signed) {
    await contracts.settleContract({ contractId: sent.contractId, outcome: 'EXPIRED', reason: 'Not signed in time' });
    return { outcome: 'lost', reason: 'The contract was not signed in time' };
  }
  if (signed.type !== 'envelope-completed') {
    const reason = typeof signed.data?.reason === 'string' ? signed.data.reason : undefined;
    const outcome = signed.type === 'envelope-declined' ? 'DECLINED' : 'VOIDED';
    await contracts.settleContract({ contractId: sent.contractId, outcome, reason });
    return { outcome: 'lost', reason: `Contract ${outcome.toLowerCase()}${reason ? `: ${reason}` : ''}` };
  }
  await contracts.settleContract({ contractId: sent.contractId, outcome: 'SIGNED' });

  await journey.enterStage('deposit');
  const deposit = await contracts.requestDeposit({ journeyId, quoteVersion, at: new Date().toISOString() });
  const payMail = { contactName: inquiry.contactName, amount: formatMoney(deposit.amountMinor, deposit.currency), url: deposit.payUrl, dueAt: deposit.dueAt };
  await email(`deposit:${deposit.invoiceId}`, 'deposit', payMail);
  const payMs = until(deposit.dueAt);
  const paid = await journey.waitForExternal(
    {
      kind: 'payment',
      key: deposit.providerPaymentId,
      description: `Deposit of ${payMail.amount}`,
      unblockedBy: 'customer',
      timeoutMs: payMs,
      reminders: [{ afterMs: payMs / 2, send: () => email(`deposit:${deposit.invoiceId}:reminder`, 'deposit-reminder', payMail) }],
    },
    PAYMENT_EVENTS,
  );
  if (!paid) return { outcome: 'lost', reason: 'The deposit was not paid by its due date' };
  await contracts.recordDepositPaid({ invoiceId: deposit.invoiceId, eventId: paid.eventId });

  await journey.enterStage('delivery');
  return { outcome: 'won', ...(await contracts.createProject({ journeyId, quoteVersion })) };
}

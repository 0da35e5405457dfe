// The contract phase's records: the contract (with its PDF) from the approved quote, its envelope
// at the e-signature provider, the outcome; then the deposit invoice with its payment intent, the
// payment, and the project. Each write is keyed (journey, quote, invoice), so retries add nothing.
import { appendEvent } from '../../platform/audit';
import type { Config } from '../../platform/config';
import { createLinkToken } from '../../platform/customer-links';
import type { Db } from '../../platform/db';
import { journeyIdParts, type ExternalEvent } from '../../workflows/runtime/definitions';
import { quoteTotals } from '../../workflows/acquisition/quote-math';
import { contractPdf } from './contract-pdf';
import { claimExternalEvents } from '../runtime/external-events';
import { refreshCustomerFacts } from '../runtime/customer-facts';
import { eSignProvider } from '../../platform/providers/esign';
import { paymentProvider } from '../../platform/providers/payments';

const DAY = 86_400_000;

export type ContractSent = {
  contractId: string;
  envelopeId: string;
  provider: string;
  expiresAt: string;
  signUrl?: string;
  /** Provider events about the envelope received before the contract held its id (absent from results recorded before this field). */
  earlyEvents?: ExternalEvent[];
};
export type DepositRequested = { invoiceId: string; providerPaymentId: string; provider: string; amountMinor: number; currency: string; payUrl?: string; dueAt: string };
export type ContractOutcome = 'SIGNED' | 'DECLINED' | 'VOIDED' | 'EXPIRED';

/** A won lead's referrer, to be thanked: who they are, and whom they referred. */
export type Referral = { inquiryId: string; email: string; contactName: string; referredCompany: string };

export function createContractActivities({ db, config }: { db: Db; config: Config }) {
  const esign = eSignProvider(config);
  const payments = paymentProvider(config);
  const link = (purpose: 'contract-signature' | 'deposit-payment', journeyId: string, subject: string, exp: Date) =>
    `${config.http.publicUrl}/customer/${purpose === 'contract-signature' ? 'contracts' : 'payments'}/${createLinkToken(config.auth.secret, { purpose, journeyId, subject, exp: exp.getTime() })}`;

  const approvedQuote = (journeyId: string, version: number) =>
    db.quote.findUniqueOrThrow({
      where: { journeyId_version: { journeyId, version } },
      include: { lineItems: { orderBy: { position: 'asc' } }, customer: true },
    });

  return {
    /** Generates the contract from the approved quote and sends it for signature (once). */
    /** `at` is the journey's clock: deadlines derive from it, so they agree with the journey's timers. */
    async sendContract({ journeyId, quoteVersion, at }: { journeyId: string; quoteVersion: number; at: string }): Promise<ContractSent> {
      const quote = await approvedQuote(journeyId, quoteVersion);
      let contract = await db.contract.findFirst({ where: { journeyId, quoteId: quote.id } });
      if (!contract) {
        contract = await db.contract.create({ data: { journeyId, quoteId: quote.id, provider: esign.name } });
      }
      if (!contract.envelopeId) {
        const { depositMinor } = quoteTotals(quote.lineItems, quote.depositPercent);
        const pdf = await contractPdf({
          contractId: contract.id,
          companyName: quote.customer.companyName,
          contactName: quote.customer.contactName,
          quote,
          depositMinor,
          date: at.slice(0, 10),
        });
        const envelope = await esign.send({
          journeyId,
          contractId: contract.id,
          pdf,
          title: `Services agreement — ${quote.customer.companyName}`,
          signer: { name: quote.customer.contactName, email: quote.customer.email },
        });
        const sentAt = new Date(at);
        contract = await db.$transaction(async (tx) => {
          const updated = await tx.contract.update({
            where: { id: contract!.id },
            data: { envelopeId: envelope.envelopeId, document: pdf, status: 'SENT', sentAt, expiresAt: new Date(sentAt.getTime() + config.contracts.signatureDays * DAY) },
          });
          await appendEvent(tx, {
            journeyId,
            key: `contract:${contract!.id}:sent`,
            type: 'contract_sent',
            data: { contractId: contract!.id, envelopeId: envelope.envelopeId, provider: envelope.provider },
          });
          return updated;
        });
      }
      const expiresAt = contract.expiresAt!;
      return {
        contractId: contract.id,
        envelopeId: contract.envelopeId!,
        provider: contract.provider,
        expiresAt: expiresAt.toISOString(),
        signUrl: contract.provider === 'local' ? link('contract-signature', journeyId, contract.envelopeId!, expiresAt) : undefined,
        earlyEvents: await claimExternalEvents(db, { journeyId, objectId: contract.envelopeId! }),
      };
    },

    async settleContract({ contractId, outcome, reason }: { contractId: string; outcome: ContractOutcome; reason?: string }): Promise<void> {
      const contract = await db.contract.findUniqueOrThrow({ where: { id: contractId } });
      if (contract.status !== 'SENT') return;
      if (outcome === 'EXPIRED' && contract.envelopeId) await esign.void(contract.envelopeId, reason ?? 'Expired unsigned');
      await db.$transaction(async (tx) => {
        await tx.contract.update({
          where: { id: contractId },
          data: { status: outcome, ...(outcome === 'SIGNED' ? { signedAt: new Date() } : { endReason: reason ?? null }) },
        });
        await appendEvent(tx, {
          journeyId: contract.journeyId,
          key: `contract:${contractId}:${outcome}`,
          type: `contract_${outcome.toLowerCase()}`,
          data: { contractId, envelopeId: contract.envelopeId, ...(reason && { reason }) },
        });
      });
    },

    /** The deposit invoice (from the quote's terms) and its payment intent at the provider, once. */
    async requestDeposit({ journeyId, quoteVersion, at }: { journeyId: string; quoteVersion: number; at: string }): Promise<DepositRequested> {
      const quote = await approvedQuote(journeyId, quoteVersion);
      const { depositMinor } = quoteTotals(quote.lineItems, quote.depositPercent);
      const number = depositInvoiceNumber(journeyId, quoteVersion);
      await db.invoice.createMany({
        data: [
          {
            number,
            kind: 'deposit',
            journeyId,
            customerId: quote.customerId,
            status: 'OPEN',
            currency: quote.currency,
            subtotalMinor: depositMinor,
            totalMinor: depositMinor,
            issuedAt: new Date(at),
            dueAt: new Date(Date.parse(at) + config.contracts.depositDueDays * DAY),
          },
        ],
        skipDuplicates: true,
      });
      const invoice = await db.invoice.findUniqueOrThrow({ where: { number }, include: { payments: true } });
      let payment = invoice.payments[0];
      if (!payment) {
        const intent = await payments.createIntent({
          journeyId,
          invoiceId: invoice.id,
          amountMinor: depositMinor,
          currency: quote.currency,
          description: `Deposit ${number}`,
        });
        payment = await db.$transaction(async (tx) => {
          const created = await tx.payment.create({
            data: { journeyId, invoiceId: invoice.id, provider: intent.provider, providerPaymentId: intent.providerPaymentId, amountMinor: depositMinor, currency: quote.currency },
          });
          await appendEvent(tx, {
            journeyId,
            key: `invoice:${invoice.id}:intent`,
            type: 'payment_requested',
            data: { invoiceId: invoice.id, number, amountMinor: depositMinor, currency: quote.currency, providerPaymentId: intent.providerPaymentId },
          });
          return created;
        });
      }
      return {
        invoiceId: invoice.id,
        providerPaymentId: payment.providerPaymentId!,
        provider: payment.provider,
        amountMinor: depositMinor,
        currency: quote.currency,
        dueAt: invoice.dueAt!.toISOString(),
        payUrl: link('deposit-payment', journeyId, payment.providerPaymentId!, new Date(invoice.dueAt!.getTime() + DAY)),
      };
    },

    async recordDepositPaid({ invoiceId, eventId }: { invoiceId: string; eventId: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
        if (invoice.status === 'PAID') return;
        const paidAt = new Date();
        await tx.invoice.update({ where: { id: invoiceId }, data: { status: 'PAID', paidMinor: invoice.totalMinor, paidAt } });
        await tx.payment.updateMany({ where: { invoiceId }, data: { status: 'SUCCEEDED', paidAt, eventId } });
        await appendEvent(tx, { journeyId: invoice.journeyId, key: `invoice:${invoiceId}:paid`, type: 'payment_received', data: { invoiceId, number: invoice.number, currency: invoice.currency, amountMinor: invoice.totalMinor, eventId } });
      });
    },

    /**
     * The project delivery works on; the customer becomes a client (if not one already). With it,
     * the client who referred the lead (its inquiry came with their code), for the journey to thank.
     */
    async createProject({ journeyId, quoteVersion }: { journeyId: string; quoteVersion: number }): Promise<{ projectId: string; referral?: Referral }> {
      const quote = await approvedQuote(journeyId, quoteVersion);
      const project = await db.$transaction(async (tx) => {
        const p = await tx.project.upsert({
          where: { journeyId },
          create: { journeyId, customerId: quote.customerId, quoteId: quote.id, name: `${quote.customer.companyName} — ${quote.summary?.slice(0, 60) ?? 'project'}` },
          update: {},
        });
        await appendEvent(tx, { journeyId, key: `project:${journeyId}:created`, type: 'project_created', data: { projectId: p.id, name: p.name } });
        await refreshCustomerFacts(tx, quote.customerId);
        return p;
      });
      const referred = await db.inquiry.findFirst({
        where: { journeyId, referrerId: { not: null } },
        select: { id: true, referrer: { select: { email: true, contactName: true } }, customer: { select: { companyName: true } } },
      });
      if (!referred?.referrer) return { projectId: project.id };
      const { referrer } = referred;
      return { projectId: project.id, referral: { inquiryId: referred.id, email: referrer.email, contactName: referrer.contactName, referredCompany: referred.customer.companyName } };
    },
  };
}

export type ContractActivities = ReturnType<typeof createContractActivities>;

/**
 * The deposit invoice's number, which is also what makes requesting it once: unique per
 * acquisition and quote version. A customer's first acquisition keeps the form deposits were first
 * numbered in (`INV-1A2B3C4D-D1`); later ones carry their number (`INV-1A2B3C4D-2-D1`), as a
 * returning client's second deposit had taken the first one's invoice.
 */
export function depositInvoiceNumber(journeyId: string, quoteVersion: number): string {
  const { customerId, sequence } = journeyIdParts(journeyId);
  return `INV-${customerId.slice(0, 8).toUpperCase()}-${sequence === '1' ? '' : `${sequence}-`}D${quoteVersion}`;
}

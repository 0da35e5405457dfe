// Credit notes (issue 11): finance takes an amount off what a customer owes on an invoice, with a
// reason. The note is written and taken off the invoice's balance at once, under the invoice's row
// lock (so two notes, or a note and a payment, never both take the same money), then it reaches
// the invoice's billing journey as an external event through the path bank transfers use (stored
// once, then signalled): the journey records it, emails the customer, and, when nothing is left
// to pay, ends as paid, so no reminder or late fee follows.
//
// The rules, as finance would push on them:
// - At most the balance due (total − paid − credited so far): more is a 400 on `amountMinor` that
//   says the balance in money. A note is never a refund: money paid beyond the total is refunded.
// - Nothing owed (paid, credited in full, void, draft) is a 409: there is nothing to take off.
// - A deposit is a 409, as bank transfers are: its acquisition waits for the payment its link
//   started, not for a balance, so a note could never reach it; and the deposit paid is what the
//   milestones' invoices credit, which a note on it would silently change. Credit the milestone's
//   invoice instead.
// - An invoice whose journey is not running (cancelled, failed) is a 409: nothing would take it.
// - `Idempotency-Key` (required) keys a note per invoice: the same key again answers the same
//   note (200) even once the invoice is settled; the same key with another amount is a 409; two
//   requests at once queue on the invoice's lock and make one note. A repeat also delivers the
//   note's event again if the first request could not (Temporal down: a 503 with Retry-After).
// - Numbered CN-<invoice number>-<n>, n counting the invoice's notes from 1.
import { z } from 'zod';
import type { Prisma } from '../../prisma/generated/client';
import { appendEvent } from '../../platform/audit';
import { balanceDue } from '../../workflows/billing/billing-math';
import { CREDIT_NOTE_EVENT } from '../../workflows/runtime/definitions';
import { formatMoney } from '../../workflows/runtime/money';
import { text } from '../../workflows/runtime/storable-text';
import type { ApiDeps } from '../app';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { receiveExternalEvent } from '../domain/external-events';

/** The source its events show, as Stripe's show `stripe`. */
const SOURCE = 'credit-note';

export const creditNoteBody = z
  .object({
    amountMinor: z
      .number()
      .int('Must be a whole number of minor units')
      .min(1, 'Must be more than nothing')
      .max(1_000_000_000)
      .meta({ description: "In the invoice's currency's minor units (cents; yen for JPY); at most the balance due." }),
    reason: text(500).pipe(z.string().min(3, 'Say why, in a few words')).meta({ minLength: 3, description: 'Why the customer owes less: on the note, its PDF and the email.' }),
  })
  .strict();

export const creditNoteKeyHeader = z.object({
  'idempotency-key': text(200).meta({ description: 'Required. The same key again on this invoice answers the same credit note; with another amount, a 409.' }),
});

export type CreditNoteRequest = z.infer<typeof creditNoteBody>;
type Deps = Pick<ApiDeps, 'db' | 'temporal' | 'config' | 'log'>;
type Note = Prisma.CreditNoteGetPayload<object>;

/** A credit note as the API answers it. */
export const creditNoteView = (n: Note) => ({
  id: n.id,
  number: n.number,
  invoiceId: n.invoiceId,
  amountMinor: n.amountMinor,
  currency: n.currency,
  reason: n.reason,
  issuedBy: n.issuedBy,
  issuedAt: n.issuedAt,
  appliedAt: n.appliedAt,
});

export async function issueCreditNote(deps: Deps, invoiceId: string, request: CreditNoteRequest, issuedBy: string, key: string) {
  if (!isUuid(invoiceId) || !(await deps.db.invoice.findUnique({ where: { id: invoiceId }, select: { id: true } }))) throw new AppError('not_found', `No invoice ${invoiceId}`);
  const { note, invoice, created } = await deps.db.$transaction(async (tx) => {
    // Requests about one invoice (notes, and the payments the journey records) take turns here.
    await tx.$queryRaw`SELECT id FROM "Invoice" WHERE id = ${invoiceId}::uuid FOR UPDATE`;
    const inv = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { journey: { select: { status: true } } } });
    const money = (minor: number) => formatMoney(minor, inv.currency);
    const earlier = await tx.creditNote.findUnique({ where: { invoiceId_idempotencyKey: { invoiceId, idempotencyKey: key } } });
    if (earlier) {
      if (earlier.amountMinor !== request.amountMinor) throw new AppError('conflict', `This Idempotency-Key issued ${earlier.number} for ${money(earlier.amountMinor)}, not ${money(request.amountMinor)}`);
      return { note: earlier, invoice: inv, created: false };
    }
    const due = balanceDue(inv);
    if (inv.kind === 'deposit') throw new AppError('conflict', `Invoice ${inv.number} is a deposit: it is paid through its payment link, which the acquisition waits for; credit the milestone's invoice instead`);
    if (inv.status === 'VOID' || inv.status === 'DRAFT') throw new AppError('conflict', `Invoice ${inv.number} is ${inv.status.toLowerCase()}: nothing is owed on it`);
    if (due <= 0 || inv.status === 'PAID') throw new AppError('conflict', `Invoice ${inv.number} has nothing left to pay: there is nothing to credit`);
    if (inv.journey.status !== 'RUNNING') throw new AppError('conflict', `Invoice ${inv.number}'s journey is ${inv.journey.status.toLowerCase()}: nothing would take a credit note`);
    if (request.amountMinor > due) {
      throw new AppError('validation_failed', 'The amount is more than is due', {
        fields: [{ field: 'amountMinor', message: `That is more than the ${money(due)} left to pay: credit at most that (${due} in minor units)` }],
      });
    }
    const sequence = (await tx.creditNote.count({ where: { invoiceId } })) + 1;
    const at = new Date();
    const made = await tx.creditNote.create({
      data: { number: `CN-${inv.number}-${sequence}`, invoiceId, sequence, amountMinor: request.amountMinor, currency: inv.currency, reason: request.reason, idempotencyKey: key, issuedBy, issuedAt: at },
    });
    const settled = request.amountMinor === due;
    const after = await tx.invoice.update({
      where: { id: invoiceId },
      data: { creditedMinor: { increment: request.amountMinor }, ...(settled && { status: 'PAID' as const, paidAt: inv.paidAt ?? at }) },
      include: { journey: { select: { status: true } } },
    });
    await appendEvent(tx, {
      journeyId: inv.journeyId,
      key: `invoice:${invoiceId}:credit-note:${made.id}`,
      type: 'credit_note_issued',
      actor: issuedBy,
      data: { invoiceId, number: inv.number, creditNote: made.number, amountMinor: made.amountMinor, currency: inv.currency, reason: made.reason, balanceMinor: balanceDue(after) },
    });
    return { note: made, invoice: after, created: true };
  });
  // Delivered after the note is committed; a repeat delivers it again if this one could not.
  const receipt = await receiveExternalEvent(deps, {
    source: SOURCE,
    eventId: note.id,
    type: CREDIT_NOTE_EVENT,
    objectId: note.id,
    journeyId: invoice.journeyId,
    data: { invoiceId: invoice.id, creditNoteId: note.id, amountMinor: note.amountMinor },
    payload: { number: note.number, amountMinor: note.amountMinor, currency: note.currency, issuedBy },
  });
  return { created, creditNote: { ...creditNoteView(note), delivered: receipt !== 'unmatched' }, balanceMinor: balanceDue(invoice) };
}

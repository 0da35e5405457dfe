// Billing for finance: the invoices (open, overdue, paid) with their lines and balance, as a list,
// a CSV export, one at a time and each as a PDF; payments received outside the providers (bank
// transfers); and credit notes, each with its PDF.
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '../../prisma/generated/client';
import type { ApiDeps } from '../app';
import { requireRole } from '../auth/authenticate';
import { READERS } from '../auth/roles';
import { principal } from '../auth/authenticate';
import { AppError, parseOrThrow } from '../errors';
import { listQuerySchema, pageArgs, parseExportQuery, parseListQuery, sendPage } from '../list-query';
import { creditNote, invoiceDetail, invoiceRow } from '../contract/records';
import { operations } from '../openapi/operation';
import { toCsv } from '../csv';
import { isUuid } from '../ids';
import { decimalsOf } from '../../workflows/runtime/money';
import { balanceDue } from '../../workflows/billing/billing-math';
import { creditNoteBody, creditNoteKeyHeader, creditNoteView, issueCreditNote } from './credit-notes';
import { creditNotePdf } from './credit-note-pdf';
import { bankTransferBody, recordBankTransfer } from './bank-transfers';
import { invoicePdf } from './invoice-pdf';
import { idempotencyHeader, invoiceNoticeBody, sendInvoiceNotice } from './invoice-notices';

export const invoiceFilter = z.object({
  status: z.enum(['DRAFT', 'OPEN', 'PARTIALLY_PAID', 'PAID', 'VOID']),
  kind: z.string(),
  journeyId: z.string(),
  customerId: z.uuid(),
  projectId: z.uuid(),
  /** Due date passed with something still owed. */
  overdue: z.literal(true),
  /** Anything still owed (open or partly paid). */
  unpaid: z.literal(true),
});

export const invoiceSort = ['dueAt', 'issuedAt', 'totalMinor', 'number'] as const;
/** More than anyone opens in a spreadsheet; past it, narrow the filter. */
const EXPORT_MAX = 10_000;
const RECORDS_PAYMENTS = ['finance', 'manager'] as const;

export const billingOperations = operations({
  method: 'get',
  path: '/api/invoices',
  summary: 'Invoices with their lines and balance',
  access: READERS.invoices,
  list: true,
  query: listQuerySchema(invoiceFilter, invoiceSort),
  responses: { 200: z.array(invoiceRow) },
}, {
  method: 'get',
  path: '/api/invoices/export',
  summary: `The invoices the list's filter and sort give, as CSV (at most ${EXPORT_MAX.toLocaleString('en')}; amounts in the currency's units, with its decimals)`,
  access: READERS.invoices,
  query: listQuerySchema(invoiceFilter, invoiceSort).omit({ range: true }),
  binary: 'text/csv',
  responses: { 200: null },
}, {
  method: 'get',
  path: '/api/invoices/:id/pdf',
  summary: 'The invoice as a PDF, as it stands now',
  access: READERS.invoices,
  binary: 'application/pdf',
  responses: { 200: null },
}, {
  method: 'get',
  path: '/api/invoices/:id',
  summary: 'One invoice with its lines, balance, payments, refunds and credit notes',
  access: READERS.invoices,
  responses: { 200: invoiceDetail },
}, {
  method: 'post',
  path: '/api/invoices/:id/credit-notes',
  summary: "Issue a credit note: an amount (at most the balance due) off what the customer owes, with a reason; the invoice's journey takes it (the customer is emailed; a note that leaves nothing owed ends the journey as paid). Idempotency-Key required: the same key answers the same note",
  access: RECORDS_PAYMENTS,
  body: creditNoteBody,
  headers: creditNoteKeyHeader,
  responses: {
    200: z.object({ creditNote: creditNote, balanceMinor: z.int() }).meta({ description: 'The note this Idempotency-Key issued before' }),
    201: z.object({ creditNote: creditNote, balanceMinor: z.int() }),
  },
}, {
  method: 'get',
  path: '/api/invoices/:id/credit-notes/:creditNoteId/pdf',
  summary: 'A credit note as a PDF',
  access: READERS.invoices,
  binary: 'application/pdf',
  responses: { 200: null },
}, {
  method: 'post',
  path: '/api/invoices/:id/payments',
  summary: "Record a payment received outside the providers (a bank transfer): the invoice's journey takes it as it takes a provider's; the same reference twice counts once",
  access: RECORDS_PAYMENTS,
  body: bankTransferBody,
  responses: { 202: z.object({ status: z.enum(['recorded', 'duplicate']), providerPaymentId: z.string(), balanceMinor: z.int() }) },
}, {
  method: 'post',
  path: '/api/invoices/:id/notices',
  summary: 'Email an owed invoice to its customer again, or a reminder now (beside the scheduled ones); idempotent with Idempotency-Key',
  access: RECORDS_PAYMENTS,
  body: invoiceNoticeBody,
  headers: idempotencyHeader,
  responses: { 202: z.object({ status: z.enum(['sending', 'duplicate']), to: z.string() }) },
});

/** An amount in the currency's units with its decimals ("1234.50", JPY "1234"), as a spreadsheet reads it. */
const amount = (minor: number, currency: string) => {
  const decimals = decimalsOf(currency);
  return (minor / 10 ** decimals).toFixed(decimals);
};
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? '';

/** The list's filter as a query. Conditions combine: {status: 'OPEN', overdue: true} is open and overdue, not either. */
function whereOf(filter: Partial<z.infer<typeof invoiceFilter>>): Prisma.InvoiceWhereInput {
  const { overdue, unpaid, ...rest } = filter;
  return {
    AND: [
      rest,
      ...(overdue || unpaid ? [{ status: { in: ['OPEN' as const, 'PARTIALLY_PAID' as const] } }] : []),
      ...(overdue ? [{ dueAt: { lt: new Date() } }] : []),
    ],
  };
}

export function billingRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/invoices/export', requireRole(...READERS.invoices), async (req, res) => {
    const q = parseExportQuery(req.query, invoiceFilter, invoiceSort, ['dueAt', 'ASC'], EXPORT_MAX);
    const rows = await deps.db.invoice.findMany({ where: whereOf(q.filter), include: { customer: { select: { companyName: true } } }, ...pageArgs(q) });
    if (rows.length > EXPORT_MAX) throw new AppError('validation_failed', `More than ${EXPORT_MAX.toLocaleString('en')} invoices match: narrow the filter`, { fields: [{ field: 'query.filter', message: 'Matches too many invoices' }] });
    const csv = toCsv(
      rows.map((i) => ({
        number: i.number,
        kind: i.kind,
        status: i.status,
        customer: i.customer.companyName,
        currency: i.currency,
        subtotal: amount(i.subtotalMinor, i.currency),
        tax: amount(i.taxMinor, i.currency),
        total: amount(i.totalMinor, i.currency),
        paid: amount(i.paidMinor, i.currency),
        refunded: amount(i.refundedMinor, i.currency),
        credited: amount(i.creditedMinor, i.currency),
        balance: amount(balanceDue(i), i.currency),
        issued: day(i.issuedAt),
        due: day(i.dueAt),
        paidOn: day(i.paidAt),
        journeyId: i.journeyId,
      })),
    );
    res.type('text/csv; charset=utf-8').attachment(`invoices-${day(new Date())}.csv`).send(csv);
  });

  router.get('/invoices/:id/pdf', requireRole(...READERS.invoices), async (req, res) => {
    const { id } = req.params;
    const invoice = isUuid(id) ? await deps.db.invoice.findUnique({ where: { id }, include: { customer: true, lines: true, payments: { orderBy: { createdAt: 'asc' } }, creditNotes: true } }) : null;
    if (!invoice) throw new AppError('not_found', `No invoice ${id}`);
    res.type('application/pdf').attachment(`${invoice.number}.pdf`).send(Buffer.from(await invoicePdf(invoice)));
  });

  router.get('/invoices/:id/credit-notes/:creditNoteId/pdf', requireRole(...READERS.invoices), async (req, res) => {
    const { id, creditNoteId } = req.params;
    const note = isUuid(id) && isUuid(creditNoteId) ? await deps.db.creditNote.findFirst({ where: { id: creditNoteId, invoiceId: id }, include: { invoice: { include: { customer: true } } } }) : null;
    if (!note) throw new AppError('not_found', `No credit note ${creditNoteId} on invoice ${id}`);
    res.type('application/pdf').attachment(`${note.number}.pdf`).send(Buffer.from(await creditNotePdf(note)));
  });

  router.post('/invoices/:id/credit-notes', requireRole(...RECORDS_PAYMENTS), async (req, res) => {
    const body = parseOrThrow(creditNoteBody, req.body);
    const { 'idempotency-key': key } = parseOrThrow(creditNoteKeyHeader, { 'idempotency-key': req.header('idempotency-key') }, ['header']);
    const { created, creditNote: note, balanceMinor } = await issueCreditNote(deps, req.params.id, body, principal(req).id, key);
    res.status(created ? 201 : 200).json({ creditNote: note, balanceMinor });
  });

  router.get('/invoices/:id', requireRole(...READERS.invoices), async (req, res) => {
    const { id } = req.params;
    const invoice = isUuid(id)
      ? await deps.db.invoice.findUnique({
          where: { id },
          include: {
            customer: { select: { companyName: true } },
            lines: { orderBy: { position: 'asc' } },
            payments: { orderBy: { createdAt: 'asc' } },
            refunds: { orderBy: { createdAt: 'asc' } },
            creditNotes: { orderBy: { sequence: 'asc' } },
          },
        })
      : null;
    if (!invoice) throw new AppError('not_found', `No invoice ${id}`);
    res.json({ ...invoice, balanceMinor: balanceDue(invoice), creditNotes: invoice.creditNotes.map(creditNoteView) });
  });

  router.post('/invoices/:id/payments', requireRole(...RECORDS_PAYMENTS), async (req, res) => {
    const body = parseOrThrow(bankTransferBody, req.body);
    res.status(202).json(await recordBankTransfer(deps, req.params.id, body, principal(req).id));
  });

  router.post('/invoices/:id/notices', requireRole(...RECORDS_PAYMENTS), async (req, res) => {
    const { notice } = parseOrThrow(invoiceNoticeBody, req.body);
    const { 'idempotency-key': key } = parseOrThrow(idempotencyHeader, { 'idempotency-key': req.header('idempotency-key') }, ['header']);
    res.status(202).json(await sendInvoiceNotice(deps, req.params.id, notice, principal(req).id, key));
  });

  router.get('/invoices', requireRole(...READERS.invoices), async (req, res) => {
    const q = parseListQuery(req.query, invoiceFilter, invoiceSort, ['dueAt', 'ASC']);
    const where = whereOf(q.filter);
    const include = { customer: { select: { companyName: true } }, lines: { orderBy: { position: 'asc' as const } } };
    const rows = deps.db.invoice.findMany({ where, include, ...pageArgs(q) }).then((list) => list.map((i) => ({ ...i, balanceMinor: balanceDue(i) })));
    await sendPage(res, 'invoices', q, rows, deps.db.invoice.count({ where }));
  });

  return router;
}

// The billing journey's customer page: the invoice with its lines and balance, paid in full or in part.
import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { paymentProvider } from '../../platform/providers/payments';
import { decimalsOf, formatMoney, minorFromAmount } from '../../workflows/runtime/money';
import { balanceDue } from '../../workflows/billing/billing-math';
import type { ApiDeps } from '../app';
import { errorSummary } from '../customer-forms';
import { escape, page, sendError, wantsJson } from '../customer-pages';
import { recordLinkAction } from '../domain/link-audit';
import { AppError, parseOrThrow } from '../errors';
import { invoiceForLink, payInvoice } from './invoice-payments';
import { customerPageJson } from '../contract/records';
import { operations } from '../openapi/operation';

const payBody = z
  .object({
    /** In minor units (API clients); the whole balance when neither this nor `amount` is given. */
    amountMinor: z.coerce.number().int('Must be a whole number of minor units').positive('Must be more than zero').optional(),
    /** As the customer types it on the page, in the invoice's currency ("1,250.50"); empty pays the whole balance. */
    amount: z.string().max(40).optional(),
    /** The pay form's nonce: a form posted twice pays once. */
    nonce: z.string().min(8).max(100).optional(),
  })
  .strict()
  .refine((b) => b.amountMinor === undefined || !b.amount, { path: ['amount'], message: 'Give the amount once: amount or amountMinor' });

/** The amount the customer typed, in minor units of the invoice's currency; undefined (the whole balance) when left empty. */
function typedAmount(typed: string, currency: string): number | undefined {
  if (typed.trim() === '') return undefined;
  const minor = minorFromAmount(typed, currency);
  if (minor === undefined || minor <= 0) {
    const example = formatMoney(125050, currency).replace(/[^\d.,]/g, '');
    throw new AppError('validation_failed', 'The amount is not one we can take', {
      fields: [{ field: 'amount', message: `Type an amount in ${currency} such as ${example}, more than zero` }],
    });
  }
  return minor;
}

/** Minor units as the pay form's input shows them: 125050 EUR → "1250.50" (no symbol or grouping, which the customer would type around). */
const amountText = (minor: number, currency: string) => (minor / 10 ** decimalsOf(currency)).toFixed(decimalsOf(currency));

export const billingCustomerPageOperations = operations(
  { method: 'get', path: '/customer/invoices/:token', summary: 'An invoice with its lines and balance', access: 'customer-link', html: true, responses: { 200: customerPageJson } },
  {
    method: 'post',
    path: '/customer/invoices/:token',
    summary: 'Pay an invoice in full or in part (Idempotency-Key header, or the form\'s nonce)',
    access: 'customer-link',
    html: true,
    body: payBody,
    formBody: true,
    headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
    responses: { 200: customerPageJson, 201: customerPageJson },
  },
);

type LinkedInvoice = Awaited<ReturnType<typeof invoiceForLink>>;

/**
 * The invoice's page: lines, total, paid, what is left, and the pay form, pre-filled with the
 * balance; shown again after a refusal with what the customer typed and the problem beside it.
 */
function invoicePage(inv: LinkedInvoice, refused?: { typed: string; message: string }): string {
  const balanceMinor = balanceDue(inv);
  const money = (minor: number) => formatMoney(minor, inv.currency);
  const rows = inv.lines.map((l) => `<tr><td>${escape(l.description)}</td><td class="n">${money(l.amountMinor)}</td></tr>`).join('');
  const tax = inv.taxMinor ? `<tr><td>Tax (${inv.taxRateBps / 100}%)</td><td class="n">${money(inv.taxMinor)}</td></tr>` : '';
  const error = refused ? `<p class="error" id="amount-error">${escape(refused.message)}</p>` : '';
  const describedBy = refused ? ' aria-describedby="amount-error" aria-invalid="true"' : '';
  const pay =
    balanceMinor > 0
      ? `${refused ? errorSummary([{ field: 'amount', message: refused.message }], () => 'Amount to pay now') : ''}<form method="post"><input type="hidden" name="nonce" value="${randomUUID()}"><label for="field-amount">Amount to pay now, in ${escape(inv.currency)} (the whole balance, ${escape(money(balanceMinor))}, or part of it)</label>${error}
<input id="field-amount" name="amount" inputmode="decimal" autocomplete="off" value="${escape(refused?.typed ?? amountText(balanceMinor, inv.currency))}"${describedBy}><button class="yes">Pay</button></form>`
      : `<p><strong>${inv.creditedMinor ? 'Nothing is left to pay' : 'Paid in full'}. Thank you.</strong></p>`;
  return page(
    `Invoice ${inv.number}`,
    `<h1>Invoice ${escape(inv.number)}</h1><p class="note">${escape(inv.customer.companyName)} · due ${inv.dueAt!.toISOString().slice(0, 10)}</p>
<table><tbody>${rows}${tax}</tbody><tfoot><tr><th>Total</th><th class="n">${money(inv.totalMinor)}</th></tr><tr><td>Paid</td><td class="n">${money(inv.paidMinor)}</td></tr>${inv.creditedMinor ? `<tr><td>Credited</td><td class="n">${money(inv.creditedMinor)}</td></tr>` : ''}
<tr><th>To pay</th><th class="n">${money(balanceMinor)}</th></tr></tfoot></table>${pay}`,
  );
}

export function billingCustomerPages(deps: ApiDeps) {
  const router = Router();
  const payments = paymentProvider(deps.config);

  router.get('/invoices/:token', async (req, res) => {
    try {
      const inv = await invoiceForLink(deps, req.params.token);
      if (wantsJson(req)) {
        const { customer, ...rest } = inv;
        return void res.json({ ...rest, balanceMinor: balanceDue(inv), customer: { companyName: customer.companyName } });
      }
      res.type('html').send(invoicePage(inv));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.post('/invoices/:token', async (req, res) => {
    try {
      const body = parseOrThrow(payBody, req.body);
      const amountMinor = body.amount === undefined ? body.amountMinor : typedAmount(body.amount, (await invoiceForLink(deps, req.params.token)).currency);
      const requestKey = req.header('idempotency-key') ?? body.nonce;
      if (!requestKey) throw new AppError('validation_failed', 'Say which request this is', { fields: [{ field: 'Idempotency-Key', message: 'Required (or a nonce field)' }] });
      await recordLinkAction(deps, req, 'invoice-payment', { action: 'pay-invoice', amountMinor });
      const paid = await payInvoice({ ...deps, payments }, req.params.token, { amountMinor, requestKey });
      if (wantsJson(req)) return void res.status(paid.repeated ? 200 : 201).json(paid);
      res.type('html').send(page('Thank you', `<h1>Thank you</h1><p>Your payment of ${escape(formatMoney(paid.amountMinor, paid.currency))} is on its way; a receipt follows by email.</p>`));
    } catch (err) {
      // A refused amount typed on the page: the invoice again, with what was typed and why not, in money.
      const typed = typeof req.body?.amount === 'string' ? (req.body.amount as string) : undefined;
      if (typed !== undefined && !wantsJson(req) && err instanceof AppError && err.status === 400 && err.details?.fields?.length) {
        const inv = await invoiceForLink(deps, req.params.token).catch(() => undefined);
        const message = err.details.fields.find((f) => f.field === 'amount' || f.field === 'amountMinor')?.message;
        if (inv && message) return void res.status(400).type('html').send(invoicePage(inv, { typed, message: message.replace(/ \(\d+ in minor units\)$/, '') }));
      }
      sendError(req, res, err);
    }
  });

  return router;
}

// What a customer does without an account, through the signed link in their email: read a quote
// and answer it; answer what a journey asks them to decide (a plan, a milestone, a change
// request, the sign-off); read and pay an invoice, in full or in part; and, with the local
// providers, sign the contract and pay the deposit. Plain server-rendered HTML (works in any mail
// client's browser), and JSON for callers that ask for it. Tokens are in the path, so request logs print the path without them.
// Every action (each POST) is on the journey's audit trail with who sent it (link-audit.ts).
import { randomUUID } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { optionalText } from '../../workflows/runtime/storable-text';
import { formatMoney } from '../../workflows/acquisition/quote-math';
import { AppError, parseOrThrow } from '../errors';
import { inputGuard } from '../input-guard';
import { decideQuote, describeStatus, quoteForLink } from '../acquisition/quote-decision';
import { contractForLink, depositForLink, payLocally, signLocally } from '../acquisition/local-providers';
import { decide, decisionForLink } from '../domain/customer-decisions';
import { invoiceForLink, payInvoice } from '../billing/invoice-payments';
import { recordLinkAction } from '../domain/link-audit';
import { paymentProvider } from '../../platform/providers/payments';
import type { ApiDeps } from '../app';

const decisionBody = z
  .object({
    decision: z.enum(['approve', 'request-changes', 'decline']),
    comments: optionalText(5000).transform((c) => c || undefined),
  })
  .strict()
  .refine((b) => b.decision === 'approve' || !!b.comments, { path: ['comments'], message: 'Tell us what to change, or why not' });

const answerBody = z
  .object({
    decision: z.enum(['accept', 'request-changes']),
    comments: optionalText(5000).transform((c) => c || undefined),
  })
  .strict()
  .refine((b) => b.decision === 'accept' || !!b.comments, { path: ['comments'], message: 'Tell us what to change' });

const payBody = z
  .object({
    /** In minor units; the whole balance when absent. */
    amountMinor: z.coerce.number().int('Must be a whole number of cents').positive('Must be more than zero').optional(),
    /** The pay form's nonce: a form posted twice pays once. */
    nonce: z.string().min(8).max(100).optional(),
  })
  .strict();

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
table{width:100%;border-collapse:collapse}td,th{padding:.4rem;border-bottom:1px solid #e5e7eb;text-align:left}
td.n,th.n{text-align:right}textarea{width:100%;min-height:5rem}button{margin:.5rem .5rem 0 0;padding:.5rem 1rem;font-size:1rem}
.note{color:#6b7280}</style></head><body>${body}</body></html>`;
}

const signBody = z
  .object({ decision: z.enum(['sign', 'decline']), reason: optionalText(2000).transform((r) => r || undefined) })
  .strict();

const wantsJson = (req: Request) => req.accepts(['html', 'json']) === 'json';

function sendError(req: Request, res: Response, err: unknown) {
  if (!(err instanceof AppError) || wantsJson(req)) throw err;
  res.status(err.status).type('html').send(page('Pivotal Flow', `<h1>Sorry</h1><p>${escape(err.message)}</p>`));
}

export function customerActionRoutes(deps: ApiDeps): Router {
  const router = Router();
  const payments = paymentProvider(deps.config);
  router.use(express.urlencoded({ extended: false, limit: '20kb' }), express.json({ limit: '20kb' }), inputGuard);

  router.get('/quotes/:token', async (req, res) => {
    try {
      const q = await quoteForLink(deps, req.params.token);
      const money = (minor: number) => formatMoney(minor, q.currency);
      if (wantsJson(req)) return void res.json(q);
      const rows = q.lineItems
        .map((l) => `<tr><td>${escape(l.description)}</td><td class="n">${l.quantity}</td><td class="n">${money(l.unitPriceMinor)}</td><td class="n">${money(l.totalMinor)}</td></tr>`)
        .join('');
      const open = q.status === 'SENT';
      const form = open
        ? `<form method="post"><label for="comments">Comments (needed to ask for changes or decline)</label>
<textarea id="comments" name="comments"></textarea>
<button name="decision" value="approve">Approve</button><button name="decision" value="request-changes">Ask for changes</button><button name="decision" value="decline">Decline</button></form>`
        : `<p><strong>This proposal has been ${escape(describeStatus(q.status))}.</strong></p>`;
      res.type('html').send(
        page(
          `Proposal for ${q.customer.companyName}`,
          `<h1>Proposal for ${escape(q.customer.companyName)}</h1><p class="note">Version ${q.version}${q.validUntil ? ` · valid until ${q.validUntil.toISOString().slice(0, 10)}` : ''}</p>
<p>${escape(q.summary ?? '')}</p>
<table><thead><tr><th>Item</th><th class="n">Qty</th><th class="n">Unit price</th><th class="n">Total</th></tr></thead><tbody>${rows}</tbody>
<tfoot><tr><th colspan="3">Total</th><th class="n">${money(q.totalMinor)}</th></tr></tfoot></table>
${q.depositPercent ? `<p class="note">A deposit of ${q.depositPercent}% is due on signature.</p>` : ''}${form}`,
        ),
      );
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.post('/quotes/:token', async (req, res) => {
    try {
      const { decision, comments } = parseOrThrow(decisionBody, req.body);
      await recordLinkAction(deps, req, 'quote-review', { action: 'answer-quote', decision });
      const answer = await decideQuote(deps, req.params.token, decision, comments);
      if (wantsJson(req)) return void res.json(answer);
      const said = { approve: 'approved the proposal. We will send the contract shortly', 'request-changes': 'asked for changes. We will come back with a new version', decline: 'declined the proposal' }[decision];
      res.type('html').send(page('Thank you', `<h1>Thank you</h1><p>You have ${said}.</p>`));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.get('/contracts/:token', async (req, res) => {
    try {
      const c = await contractForLink(deps, req.params.token);
      if (wantsJson(req)) return void res.json({ id: c.id, status: c.status, envelopeId: c.envelopeId, expiresAt: c.expiresAt });
      const open = c.status === 'SENT';
      res.type('html').send(
        page(
          'Your contract',
          `<h1>Services agreement</h1><p>For ${escape(c.quote.customer.companyName)} · proposal version ${c.quote.version} · ${formatMoney(c.quote.totalMinor, c.quote.currency)}</p>
<p><a href="${escape(req.params.token)}/document">Read the contract (PDF)</a></p>
${open ? `<form method="post"><label for="reason">If you decline, tell us why</label><textarea id="reason" name="reason"></textarea>
<button name="decision" value="sign">Sign</button><button name="decision" value="decline">Decline</button></form>` : `<p><strong>This contract is ${escape(c.status.toLowerCase())}.</strong></p>`}`,
        ),
      );
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.get('/contracts/:token/document', async (req, res) => {
    try {
      const c = await contractForLink(deps, req.params.token);
      if (!c.document) throw new AppError('not_found', 'The document is not ready');
      res.type('application/pdf').send(Buffer.from(c.document));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.post('/contracts/:token', async (req, res) => {
    try {
      const { decision, reason } = parseOrThrow(signBody, req.body);
      await recordLinkAction(deps, req, 'contract-signature', { action: 'answer-contract', decision });
      const receipt = await signLocally(deps, req.params.token, decision, reason);
      if (wantsJson(req)) return void res.json({ decision, receipt });
      res.type('html').send(page('Thank you', `<h1>Thank you</h1><p>${decision === 'sign' ? 'You have signed the contract. The deposit request follows by email.' : 'You have declined the contract.'}</p>`));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.get('/payments/:token', async (req, res) => {
    try {
      const p = await depositForLink(deps, req.params.token);
      if (wantsJson(req)) return void res.json({ id: p.id, status: p.status, amountMinor: p.amountMinor, currency: p.currency, providerPaymentId: p.providerPaymentId });
      const amount = formatMoney(p.amountMinor, p.currency);
      const action =
        p.status !== 'PENDING'
          ? `<p><strong>This payment is ${escape(p.status.toLowerCase())}.</strong></p>`
          : p.provider === 'local'
            ? `<form method="post"><button>Pay ${escape(amount)}</button></form><p class="note">Local payment provider: no card is charged.</p>`
            : '<p class="note">Payment is collected by Stripe; the card form appears here once a publishable key is configured.</p>';
      res.type('html').send(page('Deposit', `<h1>Deposit due</h1><p>${escape(amount)} for invoice ${escape(p.invoice!.number)}, due ${p.invoice!.dueAt!.toISOString().slice(0, 10)}.</p>${action}`));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.post('/payments/:token', async (req, res) => {
    try {
      await recordLinkAction(deps, req, 'deposit-payment', { action: 'pay-deposit' });
      const receipt = await payLocally(deps, req.params.token);
      if (wantsJson(req)) return void res.json({ paid: true, receipt });
      res.type('html').send(page('Thank you', '<h1>Thank you</h1><p>Your deposit is paid. Your project team will be in touch.</p>'));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.get('/decisions/:token', async (req, res) => {
    try {
      const d = await decisionForLink(deps, req.params.token);
      if (wantsJson(req)) return void res.json({ subject: d.subject, title: d.title, details: d.details, status: d.status, comments: d.comments });
      const facts = Object.entries(d.details as Record<string, unknown>)
        .map(([k, v]) => `<tr><th>${escape(k)}</th><td>${Array.isArray(v) ? v.map((x) => escape(String(x))).join('<br>') : escape(String(v))}</td></tr>`)
        .join('');
      const form =
        d.status === 'OPEN'
          ? `<form method="post"><label for="comments">Comments (needed to ask for changes)</label><textarea id="comments" name="comments"></textarea>
<button name="decision" value="accept">Accept</button><button name="decision" value="request-changes">Ask for changes</button></form>`
          : `<p><strong>Answered: ${escape(d.status.toLowerCase().replace('_', ' '))}.</strong></p>`;
      res.type('html').send(page(d.title, `<h1>${escape(d.title)}</h1><p class="note">For ${escape(d.customer.companyName)}</p><table>${facts}</table>${form}`));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.post('/decisions/:token', async (req, res) => {
    try {
      const answer = parseOrThrow(answerBody, req.body);
      await recordLinkAction(deps, req, 'customer-decision', { action: 'answer-decision', decision: answer.decision });
      const result = await decide(deps, req.params.token, answer);
      if (wantsJson(req)) return void res.json(result);
      res.type('html').send(page('Thank you', `<h1>Thank you</h1><p>${answer.decision === 'accept' ? 'You have accepted it.' : 'We have your comments and will come back to you.'}</p>`));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.get('/invoices/:token', async (req, res) => {
    try {
      const inv = await invoiceForLink(deps, req.params.token);
      const balanceMinor = inv.totalMinor - inv.paidMinor;
      if (wantsJson(req)) {
        const { customer, ...rest } = inv;
        return void res.json({ ...rest, balanceMinor, customer: { companyName: customer.companyName } });
      }
      const money = (minor: number) => formatMoney(minor, inv.currency);
      const rows = inv.lines.map((l) => `<tr><td>${escape(l.description)}</td><td class="n">${money(l.amountMinor)}</td></tr>`).join('');
      const tax = inv.taxMinor ? `<tr><td>Tax (${inv.taxRateBps / 100}%)</td><td class="n">${money(inv.taxMinor)}</td></tr>` : '';
      const pay =
        balanceMinor > 0
          ? `<form method="post"><input type="hidden" name="nonce" value="${randomUUID()}"><label for="amount">Amount to pay now, in cents (leave empty for the whole ${escape(money(balanceMinor))})</label>
<input id="amount" name="amountMinor" inputmode="numeric"><button>Pay</button></form>`
          : '<p><strong>Paid in full. Thank you.</strong></p>';
      res.type('html').send(
        page(
          `Invoice ${inv.number}`,
          `<h1>Invoice ${escape(inv.number)}</h1><p class="note">${escape(inv.customer.companyName)} · due ${inv.dueAt!.toISOString().slice(0, 10)}</p>
<table><tbody>${rows}${tax}</tbody><tfoot><tr><th>Total</th><th class="n">${money(inv.totalMinor)}</th></tr><tr><td>Paid</td><td class="n">${money(inv.paidMinor)}</td></tr>
<tr><th>To pay</th><th class="n">${money(balanceMinor)}</th></tr></tfoot></table>${pay}`,
        ),
      );
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.post('/invoices/:token', async (req, res) => {
    try {
      const body = parseOrThrow(payBody, req.body);
      const requestKey = req.header('idempotency-key') ?? body.nonce;
      if (!requestKey) throw new AppError('validation_failed', 'Say which request this is', { fields: [{ field: 'Idempotency-Key', message: 'Required (or a nonce field)' }] });
      await recordLinkAction(deps, req, 'invoice-payment', { action: 'pay-invoice', amountMinor: body.amountMinor });
      const paid = await payInvoice({ ...deps, payments }, req.params.token, { amountMinor: body.amountMinor, requestKey });
      if (wantsJson(req)) return void res.status(paid.repeated ? 200 : 201).json(paid);
      res.type('html').send(page('Thank you', `<h1>Thank you</h1><p>Your payment of ${escape(formatMoney(paid.amountMinor, paid.currency))} is on its way; a receipt follows by email.</p>`));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  return router;
}

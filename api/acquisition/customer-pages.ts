// The acquisition journey's customer pages: read a quote and answer it (for journeys that sent it
// before quotes became customer decisions); with the local providers (never in production), sign
// the contract and pay the deposit.
import { Router } from 'express';
import { z } from 'zod';
import { formatMoney } from '../../workflows/runtime/money';
import { optionalText } from '../../workflows/runtime/storable-text';
import type { ApiDeps } from '../app';
import { escape, page, sendError, wantsJson } from '../customer-pages';
import { recordLinkAction } from '../domain/link-audit';
import { AppError, parseOrThrow } from '../errors';
import { contractForLink, depositForLink, payLocally, signLocally } from './local-providers';
import { decideQuote, describeStatus, quoteForLink } from './quote-decision';
import { customerPageJson } from '../contract/records';
import { operations } from '../openapi/operation';

const decisionBody = z
  .object({
    decision: z.enum(['approve', 'request-changes', 'decline']),
    comments: optionalText(5000).transform((c) => c || undefined),
  })
  .strict()
  .refine((b) => b.decision === 'approve' || !!b.comments, { path: ['comments'], message: 'Tell us what to change, or why not' });

const signBody = z
  .object({ decision: z.enum(['sign', 'decline']), reason: optionalText(2000).transform((r) => r || undefined) })
  .strict();

export const acquisitionCustomerPageOperations = operations(
  { method: 'get', path: '/customer/quotes/:token', summary: 'A proposal sent to the customer', access: 'customer-link', html: true, responses: { 200: customerPageJson } },
  { method: 'post', path: '/customer/quotes/:token', summary: "The customer's answer to a proposal", access: 'customer-link', html: true, body: decisionBody, formBody: true, responses: { 200: customerPageJson } },
  { method: 'get', path: '/customer/contracts/:token', summary: 'The contract to sign (local e-signature provider)', access: 'customer-link', html: true, responses: { 200: customerPageJson } },
  { method: 'get', path: '/customer/contracts/:token/document', summary: 'The contract as PDF', access: 'customer-link', binary: 'application/pdf', responses: { 200: null } },
  { method: 'post', path: '/customer/contracts/:token', summary: 'Sign or decline the contract (local e-signature provider)', access: 'customer-link', html: true, body: signBody, formBody: true, responses: { 200: customerPageJson } },
  { method: 'get', path: '/customer/payments/:token', summary: 'The deposit due', access: 'customer-link', html: true, responses: { 200: customerPageJson } },
  { method: 'post', path: '/customer/payments/:token', summary: 'Pay the deposit (local payment provider)', access: 'customer-link', html: true, responses: { 200: customerPageJson } },
);

export function acquisitionCustomerPages(deps: ApiDeps) {
  const router = Router();

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

  return router;
}

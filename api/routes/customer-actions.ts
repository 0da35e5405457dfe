// What a customer does without an account, through the signed link in their email: read a quote
// and answer it. Plain server-rendered HTML (works in any mail client's browser), and JSON for
// callers that ask for it. Tokens are in the path, so request logs print the path without them.
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { formatMoney } from '../../workflows/quote-math';
import { AppError, parseOrThrow } from '../errors';
import { decideQuote, describeStatus, quoteForLink } from '../domain/quote-decision';
import type { ApiDeps } from '../app';

const decisionBody = z
  .object({
    decision: z.enum(['approve', 'request-changes', 'decline']),
    comments: z.string().trim().max(5000).optional().transform((c) => c || undefined),
  })
  .strict()
  .refine((b) => b.decision === 'approve' || !!b.comments, { path: ['comments'], message: 'Tell us what to change, or why not' });

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
table{width:100%;border-collapse:collapse}td,th{padding:.4rem;border-bottom:1px solid #e5e7eb;text-align:left}
td.n,th.n{text-align:right}textarea{width:100%;min-height:5rem}button{margin:.5rem .5rem 0 0;padding:.5rem 1rem;font-size:1rem}
.note{color:#6b7280}</style></head><body>${body}</body></html>`;
}

const wantsJson = (req: Request) => req.accepts(['html', 'json']) === 'json';

function sendError(req: Request, res: Response, err: unknown) {
  if (!(err instanceof AppError) || wantsJson(req)) throw err;
  res.status(err.status).type('html').send(page('Pivotal Flow', `<h1>Sorry</h1><p>${escape(err.message)}</p>`));
}

export function customerActionRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '20kb' }), express.json({ limit: '20kb' }));

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
      const answer = await decideQuote(deps, req.params.token, decision, comments);
      if (wantsJson(req)) return void res.json(answer);
      const said = { approve: 'approved the proposal. We will send the contract shortly', 'request-changes': 'asked for changes. We will come back with a new version', decline: 'declined the proposal' }[decision];
      res.type('html').send(page('Thank you', `<h1>Thank you</h1><p>You have ${said}.</p>`));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  return router;
}

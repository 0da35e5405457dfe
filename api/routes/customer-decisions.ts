// The customer's answer to what a journey asks them to decide (a plan, a milestone, a change
// request, the sign-off): the page of the customer-decision primitive, for every journey kind.
import { z } from 'zod';
import { optionalText } from '../../workflows/runtime/storable-text';
import type { ApiDeps } from '../app';
import { customerPageRouter, escape, page, sendError, wantsJson } from '../customer-pages';
import { decide, decisionForLink } from '../domain/customer-decisions';
import { recordLinkAction } from '../domain/link-audit';
import { parseOrThrow } from '../errors';

const answerBody = z
  .object({
    decision: z.enum(['accept', 'request-changes']),
    comments: optionalText(5000).transform((c) => c || undefined),
  })
  .strict()
  .refine((b) => b.decision === 'accept' || !!b.comments, { path: ['comments'], message: 'Tell us what to change' });

export function customerDecisionPages(deps: ApiDeps) {
  const router = customerPageRouter();

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

  return router;
}

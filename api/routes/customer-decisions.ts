// The customer's answer to what a journey asks them to decide (a plan, a milestone, a change
// request, the sign-off, a quote, a rating): the page of the customer-decision primitive, for
// every journey kind, generated from the decision's form (api/customer-forms.ts).
import { Router } from 'express';
import { humanize } from '../../platform/humanize';
import type { ApiDeps } from '../app';
import { formHtml, fromHtmlForm, jsonSchemaOf } from '../customer-forms';
import { escape, page, sendError, wantsJson } from '../customer-pages';
import { assertOpen, closedReason, decide, decisionForLink, formOf, optionsOf } from '../domain/customer-decisions';
import { recordLinkAction } from '../domain/link-audit';
import { parseOrThrow } from '../errors';
import { z } from 'zod';
import { customerPageJson } from '../contract/records';
import { operations } from '../openapi/operation';

export const customerDecisionOperations = operations(
  { method: 'get', path: '/customer/decisions/:token', summary: 'What the journey asks the customer to decide, with its form (JSON Schema)', access: 'customer-link', html: true, responses: { 200: customerPageJson } },
  {
    method: 'post',
    path: '/customer/decisions/:token',
    summary: "The customer's answer, in the decision's form (the GET's `schema`)",
    access: 'customer-link',
    html: true,
    body: z.record(z.string(), z.unknown()),
    formBody: true,
    responses: { 200: customerPageJson },
  },
);

/** A value of the details or the answer as text: lists one item a line, anything else as JSON. */
const shown = (v: unknown) =>
  Array.isArray(v) ? v.map((x) => escape(typeof x === 'string' ? x : JSON.stringify(x))).join('<br>') : escape(typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v));
const table = (record: Record<string, unknown>) =>
  `<table>${Object.entries(record)
    .map(([k, v]) => `<tr><th>${escape(humanize(k))}</th><td>${shown(v)}</td></tr>`)
    .join('')}</table>`;

export function customerDecisionPages(deps: ApiDeps) {
  const router = Router();

  router.get('/decisions/:token', async (req, res) => {
    try {
      const d = await decisionForLink(deps, req.params.token);
      const schema = jsonSchemaOf(formOf(d));
      if (wantsJson(req)) {
        const { subject, title, form, details, status, answer, comments, expiresAt, decidedAt } = d;
        return void res.json({ subject, title, form, options: optionsOf(d) ?? null, schema, details, status, answer, comments, expiresAt, decidedAt });
      }
      const closed = closedReason(d.status);
      const answered = d.answer && typeof d.answer === 'object' && !Array.isArray(d.answer) ? `<h2>Your answer</h2>${table(d.answer)}` : '';
      const body = closed ? `<p><strong>${escape(closed)}.</strong></p>${answered}` : formHtml(schema);
      res.type('html').send(page(d.title, `<h1>${escape(d.title)}</h1><p class="note">For ${escape(d.customer.companyName)}</p>${table(d.details as Record<string, unknown>)}${body}`));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.post('/decisions/:token', async (req, res) => {
    try {
      const d = await decisionForLink(deps, req.params.token);
      assertOpen(d);
      const form = formOf(d);
      const body = req.is('application/x-www-form-urlencoded') ? fromHtmlForm(jsonSchemaOf(form), req.body) : req.body;
      const answer = parseOrThrow(form, body) as Record<string, unknown>;
      await recordLinkAction(deps, req, 'customer-decision', { action: 'answer-decision', form: d.form, ...(typeof answer.decision === 'string' && { decision: answer.decision }) });
      const result = await decide(deps, d, answer);
      if (wantsJson(req)) return void res.json(result);
      const said = answer.decision === 'request-changes' ? 'We have your comments and will come back to you.' : 'We have your answer.';
      res.type('html').send(page('Thank you', `<h1>Thank you</h1><p>${said}</p>`));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  return router;
}

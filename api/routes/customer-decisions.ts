// The customer's answer to what a journey asks them to decide (a plan, a milestone, a change
// request, the sign-off, a quote, a rating): the page of the customer-decision primitive, for
// every journey kind, generated from the decision's form (api/customer-forms.ts).
import { Router } from 'express';
import { humanize } from '../../platform/humanize';
import type { ApiDeps } from '../app';
import { fieldLabel, formHtml, fromHtmlForm, jsonSchemaOf, NO, type FormFill } from '../customer-forms';
import { escape, page, sendError, wantsJson } from '../customer-pages';
import { assertOpen, closedReason, decide, decisionForLink, formOf, optionsOf } from '../domain/customer-decisions';
import { recordLinkAction } from '../domain/link-audit';
import { AppError, parseOrThrow } from '../errors';
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

type Decision = Awaited<ReturnType<typeof decisionForLink>>;

/** The decision's page: what is asked, then its form (filled in again after a refusal) or its answer once closed. */
function decisionPage(d: Decision, fill?: FormFill): string {
  const closed = closedReason(d.status);
  const answered = d.answer && typeof d.answer === 'object' && !Array.isArray(d.answer) ? `<h2>Your answer</h2>${table(d.answer)}` : '';
  const body = closed ? `<p><strong>${escape(closed)}.</strong></p>${answered}` : formHtml(jsonSchemaOf(formOf(d)), fill);
  return page(d.title, `<h1>${escape(d.title)}</h1><p class="note">For ${escape(d.customer.companyName)}</p>${table(d.details as Record<string, unknown>)}${body}`);
}

/**
 * A "no" (decline, reject) from the page is asked once more before it is sent: what the customer
 * wrote, and two buttons, the no again and back to the form with everything kept (no script: the
 * fields ride along hidden).
 */
function confirmPage(d: Decision, fields: Record<string, unknown>, verdict: string): string {
  const schema = jsonSchemaOf(formOf(d));
  const hidden = Object.entries(fields)
    .filter(([k]) => k !== 'decision')
    .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(String(v))}">`)
    .join('');
  const said = Object.entries(fields)
    .filter(([k, v]) => k !== 'decision' && v !== '')
    .map(([k, v]) => `<tr><th>${escape(fieldLabel(schema, k))}</th><td>${escape(String(v))}</td></tr>`)
    .join('');
  const word = humanize(verdict);
  return page(
    `${word}? ${d.title}`,
    `<h1>${escape(word)}: are you sure?</h1><p>${escape(d.title)}, for ${escape(d.customer.companyName)}. Once sent, your answer cannot be changed here.</p>${said ? `<table>${said}</table>` : ''}
<form method="post">${hidden}<input type="hidden" name="confirm" value="yes"><button class="no" name="decision" value="${escape(verdict)}">Yes, ${escape(verdict)}</button><button class="other" name="back" value="yes">No, go back</button></form>`,
  );
}

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
      res.type('html').send(decisionPage(d));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.post('/decisions/:token', async (req, res) => {
    const urlencoded = !!req.is('application/x-www-form-urlencoded');
    const fromPage = urlencoded && !wantsJson(req);
    // What the page's form sent, besides the answer: a confirmed "no", or "go back".
    const { confirm, back, ...fields } = (fromPage ? req.body : {}) as Record<string, unknown>;
    let d: Decision | undefined;
    try {
      d = await decisionForLink(deps, req.params.token);
      assertOpen(d);
      const form = formOf(d);
      if (fromPage && back === 'yes') return void res.type('html').send(decisionPage(d, { values: fields, errors: [] }));
      const body = urlencoded ? fromHtmlForm(jsonSchemaOf(form), fromPage ? fields : req.body) : req.body;
      const answer = parseOrThrow(form, body) as Record<string, unknown>;
      if (fromPage && typeof answer.decision === 'string' && NO.has(answer.decision) && confirm !== 'yes') {
        return void res.type('html').send(confirmPage(d, fields, answer.decision));
      }
      await recordLinkAction(deps, req, 'customer-decision', { action: 'answer-decision', form: d.form, ...(typeof answer.decision === 'string' && { decision: answer.decision }) });
      const result = await decide(deps, d, answer);
      if (wantsJson(req)) return void res.json(result);
      const said = answer.decision === 'request-changes' ? 'We have your comments and will come back to you.' : 'We have your answer.';
      res.type('html').send(page('Thank you', `<h1>Thank you</h1><p>${said}</p>`));
    } catch (err) {
      // A refused answer from the page: the form again, with what was typed and each field's problem beside it.
      if (fromPage && d && err instanceof AppError && err.status === 400 && err.details?.fields?.length) {
        return void res.status(400).type('html').send(decisionPage(d, { values: fields, errors: err.details.fields }));
      }
      sendError(req, res, err);
    }
  });

  return router;
}

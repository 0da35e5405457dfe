// The page a client's referral link opens (activities/retention/advocacy.ts emails it): our contact
// form, for the person they referred, carrying the client's code. What it sends starts a lead as the
// public contact form does (POST /api/leads), attributed to the referrer; a code that matches no
// client is kept with a note, never refused. The page never names the referrer: a guessed code
// learns nothing. Shown again after a refusal, the form keeps what was typed and says what is wrong.
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../app';
import { customerPageJson } from '../contract/records';
import { escape, page, sendError, wantsJson } from '../customer-pages';
import { AppError, parseOrThrow } from '../errors';
import { HONEYPOT, leadSchema } from '../acquisition/leads';
import { submitLead } from '../acquisition/submit-lead';
import { operations } from '../openapi/operation';
import { leadLimit } from '../rate-limits';

/** As codes are made (activities/retention/referral-codes.ts), in any case; anything else is not a link we gave. */
const codeParam = z.string().regex(/^[A-Za-z0-9]{4,40}$/);
const referredLead = leadSchema.omit({ referralCode: true });
type Fill = { values: Record<string, string>; errors: Map<string, string> };

const FIELDS: Array<{ name: keyof z.input<typeof referredLead>; label: string; type?: 'email' | 'tel'; long?: boolean; optional?: boolean }> = [
  { name: 'contactName', label: 'Your name' },
  { name: 'companyName', label: 'Your company' },
  { name: 'email', label: 'Email', type: 'email' },
  { name: 'phone', label: 'Phone (optional)', type: 'tel', optional: true },
  { name: 'projectType', label: 'What would you like us to help with?' },
  { name: 'budgetRange', label: 'Budget, roughly' },
  { name: 'timeline', label: 'When do you need it?' },
  { name: 'description', label: 'Tell us more', long: true },
];

export const referralPageOperations = operations(
  { method: 'get', path: '/customer/refer/:code', summary: 'The contact form a client\'s referral link opens, carrying their code', access: 'public', html: true, responses: { 200: customerPageJson } },
  {
    method: 'post',
    path: '/customer/refer/:code',
    summary: 'Send the contact form through a referral link: a lead attributed to the client whose code it is (a code matching no client is kept with a note)',
    description: 'Sent again by the same person, it answers with the same journey.',
    access: 'public',
    html: true,
    body: referredLead,
    formBody: true,
    responses: { 200: customerPageJson, 201: customerPageJson },
  },
);

function codeOf(req: Request): string {
  const code = codeParam.safeParse(req.params.code);
  if (!code.success) throw new AppError('not_found', 'This link is not valid');
  return code.data.toUpperCase();
}

function formPage(fill: Fill): string {
  const summary = fill.errors.size
    ? `<div class="errors" role="alert"><p><strong>Please check what is marked below.</strong></p><ul>${[...fill.errors]
        .map(([field, message]) => `<li><a href="#${escape(field)}">${escape(FIELDS.find((f) => f.name === field)?.label ?? (field || 'The form'))}</a>: ${escape(message)}</li>`)
        .join('')}</ul></div>`
    : '';
  const inputs = FIELDS.map((f) => {
    const value = escape(fill.values[f.name] ?? '');
    const error = fill.errors.get(f.name);
    const attrs = `id="${f.name}" name="${f.name}"${f.optional ? '' : ' required'}${error ? ` aria-invalid="true" aria-describedby="${f.name}-error"` : ''}`;
    const input = f.long ? `<textarea ${attrs} rows="6" maxlength="5000">${value}</textarea>` : `<input ${attrs} type="${f.type ?? 'text'}" value="${value}" maxlength="200">`;
    return `<label for="${f.name}">${escape(f.label)}</label>${input}${error ? `<p class="error" id="${f.name}-error">${escape(error)}</p>` : ''}`;
  }).join('\n');
  // The honeypot, hidden from people (README, "Defences"): only a bot fills it in.
  const honeypot = `<div hidden><label for="${HONEYPOT}">Leave this empty</label><input id="${HONEYPOT}" name="${HONEYPOT}" tabindex="-1" autocomplete="off"></div>`;
  return page(
    'Tell us what you need',
    `<h1>Tell us what you need</h1><p>One of our clients thought we could help you. Tell us a little about what you need, and we will be in touch within a working day.</p>
${summary}<form method="post">${inputs}${honeypot}<button class="yes">Send</button></form>`,
  );
}

export function referralPages(deps: ApiDeps): Router {
  const router = Router();

  router.get('/refer/:code', (req, res) => {
    try {
      const referralCode = codeOf(req);
      if (wantsJson(req)) return void res.json({ referralCode, fields: FIELDS.map((f) => f.name) });
      res.type('html').send(formPage({ values: {}, errors: new Map() }));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.post('/refer/:code', leadLimit(deps), async (req, res) => {
    try {
      const referralCode = codeOf(req);
      // A field left empty on the page is a field not given (an empty phone is no phone).
      const body: unknown = req.body && typeof req.body === 'object' ? Object.fromEntries(Object.entries(req.body as Record<string, unknown>).filter(([, v]) => v !== '')) : req.body;
      const parsed = referredLead.safeParse(body);
      if (!parsed.success && !wantsJson(req)) {
        const values = Object.fromEntries(FIELDS.map((f) => [f.name, typeof req.body?.[f.name] === 'string' ? (req.body[f.name] as string) : '']));
        const errors = new Map(parsed.error.issues.map((i) => [String(i.path[0] ?? ''), i.message]));
        return void res.status(400).type('html').send(formPage({ values, errors }));
      }
      const { [HONEYPOT]: honeypot, ...lead } = parseOrThrow(referredLead, body);
      const inquiry = { ...lead, referralCode };
      if (honeypot?.trim()) {
        deps.log.info({ ip: req.ip }, 'referral form honeypot filled: no journey started');
      } else {
        const recorded = await submitLead({ db: deps.db, temporal: deps.temporal, taskQueue: deps.config.temporal.taskQueue, journeys: deps.config.journeys }, inquiry);
        deps.log.info({ customerId: recorded.customerId, journeyId: recorded.journeyId, created: recorded.created }, 'referred lead received');
        if (wantsJson(req)) return void res.status(recorded.created ? 201 : 200).json({ received: true });
      }
      if (wantsJson(req)) return void res.status(201).json({ received: true });
      res.status(201).type('html').send(page('Thank you', '<h1>Thank you</h1><p>We have your message and will be in touch within a working day.</p>'));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  return router;
}

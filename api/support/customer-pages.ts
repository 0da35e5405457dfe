// The ticket's customer page (its link is in every email about the ticket): the conversation
// without staff's internal notes, a reply form, and on a resolved ticket the choice to confirm the
// resolution or say what is still wrong. A reply is an Update on the ticket's journey: a closed
// ticket answers 409. The form's nonce keys the message, so a form posted twice is one reply.
import { Router } from 'express';
import { v5 as uuidv5 } from 'uuid';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { text } from '../../workflows/runtime/storable-text';
import { customerReplyUpdate } from '../../workflows/support/messages';
import type { ApiDeps } from '../app';
import { customerPageJson, ticketAttachment } from '../contract/records';
import { escape, page, sendError, wantsJson } from '../customer-pages';
import { linkOf } from '../domain/links';
import { recordLinkAction } from '../domain/link-audit';
import { AppError, parseOrThrow } from '../errors';
import { executeJourneyUpdate } from '../journey-calls';
import { operations } from '../openapi/operation';
import { attach, readUpload, sendAttachment, uploadForm } from './attachments';
import { helpPageOperations, helpPages } from './help-pages';

/** Namespaces the message ids derived from a reply form's nonce. */
const REPLY_NAMESPACE = '3b0c6d8e-58a4-4f59-9a43-7f1e2c9d5b10';

const replyBody = z
  .object({
    body: text(20_000).default(''),
    /** "yes" (the form's button) or true: the resolution solved it. */
    confirmResolved: z.union([z.boolean(), z.literal('yes')]).optional(),
    /** The form's nonce (or an Idempotency-Key header): a reply posted twice is recorded once. */
    nonce: z.string().min(8).max(100).optional(),
  })
  .strict()
  .refine((b) => b.confirmResolved || b.body.trim().length > 0, { path: ['body'], message: 'Write your reply' });

const ticketPageOperations = operations(
  { method: 'get', path: '/customer/tickets/:token', summary: 'A ticket and its conversation, for the customer', access: 'customer-link', html: true, responses: { 200: customerPageJson } },
  {
    method: 'post',
    path: '/customer/tickets/:token',
    summary: "The customer's reply, or their confirmation that the resolution solved it (Idempotency-Key header, or the form's nonce)",
    access: 'customer-link',
    html: true,
    body: replyBody,
    formBody: true,
    headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
    responses: { 200: customerPageJson },
  },
  { method: 'post', path: '/customer/tickets/:token/attachments', summary: 'Attach a file to the ticket (not once it is closed)', access: 'customer-link', html: true, multipart: uploadForm, responses: { 201: ticketAttachment } },
  { method: 'get', path: '/customer/tickets/:token/attachments/:attachmentId', summary: 'Download a file of the ticket', access: 'customer-link', binary: 'application/octet-stream', responses: { 200: null } },
);

export const supportCustomerPageOperations = [...helpPageOperations, ...ticketPageOperations];

async function ticketForLink(deps: ApiDeps, token: string) {
  const { journeyId, subject } = linkOf(deps.config, token, 'support-ticket');
  const found = await deps.db.supportTicket.findUnique({
    where: { id: subject },
    include: { messages: { where: { internal: false }, orderBy: { createdAt: 'asc' } }, attachments: { orderBy: { createdAt: 'asc' }, omit: { data: true } }, customer: true },
  });
  if (!found || found.journeyId !== journeyId) throw new AppError('not_found', 'This link is not valid');
  return found;
}

const STATUS_TEXT: Record<string, string> = {
  new: 'We have it and will answer soon.',
  open: 'We are working on it.',
  'waiting-on-customer': 'Waiting for your reply.',
  resolved: 'We think this is solved. Please confirm, or tell us what is still wrong.',
  closed: 'Closed.',
};

export function supportCustomerPages(deps: ApiDeps) {
  const router = Router();
  router.use(helpPages(deps));

  router.get('/tickets/:token', async (req, res) => {
    try {
      const t = await ticketForLink(deps, req.params.token);
      if (wantsJson(req)) {
        return void res.json({
          number: t.number,
          subject: t.subject,
          description: t.description,
          status: t.status,
          messages: t.messages.map((m) => ({ from: m.author === 'customer' ? 'you' : m.authorName, body: m.body, at: m.createdAt })),
          attachments: t.attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.size, url: `${req.baseUrl}${req.path}/attachments/${a.id}` })),
        });
      }
      const messages = t.messages
        .map((m) => `<div class="msg"><p class="note">${escape(m.author === 'customer' ? 'You' : m.authorName)} · ${m.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</p><p>${escape(m.body)}</p></div>`)
        .join('');
      const files = t.attachments.length
        ? `<h2>Files</h2><ul>${t.attachments.map((a) => `<li><a href="${escape(`${req.baseUrl}${req.path}/attachments/${a.id}`)}">${escape(a.filename)}</a> (${Math.ceil(a.size / 1024)} KB)</li>`).join('')}</ul>`
        : '';
      const upload =
        t.status === 'closed'
          ? ''
          : `<form method="post" action="${escape(`${req.baseUrl}${req.path}/attachments`)}" enctype="multipart/form-data"><label for="file">Add a screenshot, a log or a PDF (up to 5 MB)</label><input id="file" name="file" type="file" required><button>Attach</button></form>`;
      const nonce = randomUUID();
      const form =
        t.status === 'closed'
          ? '<p>This ticket is closed. Raise a new one from the help link in our emails if you need us again.</p>'
          : `${t.status === 'resolved' ? `<form method="post"><input type="hidden" name="nonce" value="${nonce}-ok"><input type="hidden" name="confirmResolved" value="yes"><button>Yes, it is solved</button></form>` : ''}
<form method="post"><input type="hidden" name="nonce" value="${nonce}"><label for="body">${t.status === 'resolved' ? 'Still a problem? Tell us what is wrong' : 'Your reply'}</label>
<textarea id="body" name="body" rows="6" maxlength="20000" required></textarea><button>Send</button></form>`;
      res.type('html').send(
        page(
          `Ticket T-${t.number}`,
          `<h1>Ticket T-${t.number}: ${escape(t.subject)}</h1><p class="note">${escape(STATUS_TEXT[t.status] ?? t.status)}</p>
<div class="msg"><p class="note">You · ${t.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</p><p>${escape(t.description)}</p></div>${messages}${files}${form}${upload}`,
        ),
      );
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.post('/tickets/:token/attachments', async (req, res) => {
    try {
      const t = await ticketForLink(deps, req.params.token);
      const file = await attach(deps.db, t, await readUpload(req), 'customer');
      await recordLinkAction(deps, req, 'support-ticket', { action: 'attach-file', size: file.size });
      if (wantsJson(req)) return void res.status(201).json(file);
      res.status(201).type('html').send(page('Thank you', `<h1>Thank you</h1><p>${escape(file.filename)} is on ticket T-${t.number}.</p>`));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.get('/tickets/:token/attachments/:attachmentId', async (req, res) => {
    try {
      const t = await ticketForLink(deps, req.params.token);
      await sendAttachment(deps.db, res, t.id, req.params.attachmentId);
    } catch (err) {
      sendError(req, res, err);
    }
  });

  router.post('/tickets/:token', async (req, res) => {
    try {
      const body = parseOrThrow(replyBody, req.body);
      const requestKey = req.header('idempotency-key') ?? body.nonce;
      if (!requestKey) throw new AppError('validation_failed', 'Say which request this is', { fields: [{ field: 'Idempotency-Key', message: 'Required (or a nonce field)' }] });
      const t = await ticketForLink(deps, req.params.token);
      const confirmResolved = body.confirmResolved === true || body.confirmResolved === 'yes';
      await recordLinkAction(deps, req, 'support-ticket', { action: confirmResolved ? 'confirm-resolution' : 'reply' });
      const answer = await executeJourneyUpdate(
        deps.temporal,
        t.journeyId,
        customerReplyUpdate,
        { messageId: uuidv5(`${t.id}:${requestKey}`, REPLY_NAMESPACE), body: body.body.trim(), confirmResolved },
        { ended: 'This ticket is closed' },
      );
      if (wantsJson(req)) return void res.json(answer);
      res.type('html').send(page('Thank you', `<h1>Thank you</h1><p>${confirmResolved ? 'Glad it is solved.' : 'Your reply is on ticket T-' + t.number + '.'}</p>`));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  return router;
}

// What every customer page shares: customers act without an account, through the signed link in
// their email. Plain server-rendered HTML (works in any mail client's browser), and JSON for
// callers that ask for it. Tokens are in the path, so request logs print the path without them.
// Every action (each POST) is on the journey's audit trail with who sent it (domain/link-audit.ts).
import express, { Router, type Request, type Response } from 'express';
import { AppError } from './errors';
import { inputGuard } from './input-guard';

export const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
table{width:100%;border-collapse:collapse}td,th{padding:.4rem;border-bottom:1px solid #e5e7eb;text-align:left}
td.n,th.n{text-align:right}textarea{width:100%;min-height:5rem}button{margin:.5rem .5rem 0 0;padding:.5rem 1rem;font-size:1rem}
.note{color:#6b7280}</style></head><body>${body}</body></html>`;
}

export const wantsJson = (req: Request) => req.accepts(['html', 'json']) === 'json';

/** A refusal as the page a person sees, or the JSON error shape for callers that asked for JSON. */
export function sendError(req: Request, res: Response, err: unknown) {
  if (!(err instanceof AppError) || wantsJson(req)) throw err;
  res.status(err.status).type('html').send(page('Pivotal Flow', `<h1>Sorry</h1><p>${escape(err.message)}</p>`));
}

/** A router for customer pages: small form or JSON bodies, every string checked at the edge. */
export function customerPageRouter(): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '20kb' }), express.json({ limit: '20kb' }), inputGuard);
  return router;
}

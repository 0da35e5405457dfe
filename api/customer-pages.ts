// What every customer page shares: customers act without an account, through the signed link in
// their email. Plain server-rendered HTML (works in any mail client's browser), and JSON for
// callers that ask for it. Tokens are in the path, so request logs print the path without them.
// Every action (each POST) is on the journey's audit trail with who sent it (domain/link-audit.ts).
import { createHash } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { AppError } from './errors';
import { inputGuard } from './input-guard';

export const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The customer pages' one style sheet, inline (a page stands alone); allowed by its hash in the CSP. */
const PAGE_STYLE = `
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
table{width:100%;border-collapse:collapse}td,th{padding:.4rem;border-bottom:1px solid #e5e7eb;text-align:left}
td.n,th.n{text-align:right}textarea{width:100%;min-height:5rem;box-sizing:border-box;font:inherit;padding:.4rem}
input:not([type=radio]):not([type=checkbox]),select{display:block;width:100%;max-width:28rem;box-sizing:border-box;font:inherit;padding:.4rem}button{margin:.5rem .5rem 0 0;padding:.5rem 1rem;font-size:1rem}
fieldset{border:0;margin:1rem 0;padding:0}legend{font-weight:600}label{display:block;margin-top:1rem}label.choice{display:inline-block;margin:.25rem 1rem .25rem 0}
.note{color:#6b7280}
button.yes{background:#1d4ed8;color:#fff;border:1px solid #1d4ed8;border-radius:6px}
button.no{background:#fff;color:#b91c1c;border:1px solid #b91c1c;border-radius:6px}
button.other{background:#fff;color:#1f2937;border:1px solid #9ca3af;border-radius:6px}
.error{color:#b91c1c;margin:.25rem 0}[aria-invalid=true]{border:2px solid #b91c1c}
.errors{border:2px solid #b91c1c;border-radius:6px;padding:0 1rem;margin:1rem 0}
`;

/** The CSP source that allows PAGE_STYLE and nothing else inline (api/security-headers.ts). */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>${PAGE_STYLE}</style></head><body>${body}</body></html>`;
}

export const wantsJson = (req: Request) => req.accepts(['html', 'json']) === 'json';

/** A refusal as the page a person sees, or the JSON error shape for callers that asked for JSON. */
export function sendError(req: Request, res: Response, err: unknown) {
  if (!(err instanceof AppError) || wantsJson(req)) throw err;
  const fields = err.details?.fields?.map((f) => `<li>${escape(f.field)}: ${escape(f.message)}</li>`).join('');
  res.status(err.status).type('html').send(page('Pivotal Flow', `<h1>Sorry</h1><p>${escape(err.message)}</p>${fields ? `<ul>${fields}</ul><p>Go back to change your answer.</p>` : ''}`));
}

/**
 * What every customer page's request goes through once, before any kind's pages: small form or
 * JSON bodies, every string checked at the edge.
 */
export const customerPageBodies = [express.urlencoded({ extended: false, limit: '20kb' }), express.json({ limit: '20kb' }), inputGuard];

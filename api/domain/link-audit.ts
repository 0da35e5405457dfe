// Who acted through a customer link. A link lets whoever holds it act as the customer, so every
// action taken through one goes on the journey's audit trail before it is carried out: what it
// was, the client's address and user agent, and the staff user (or API token) when the request
// also carried a staff session or token (a link opened in the browser staff work in).
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { z } from 'zod';
import { appendEvent } from '../../platform/audit';
import type { Config } from '../../platform/config';
import { verifyLinkToken, type CustomerLink } from '../../platform/customer-links';
import type { Db } from '../../platform/db';

// The client chooses these: kept short and printable for the trail.
const printable = z
  .string()
  .transform((s) => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 300))
  .optional();
const origin = z.object({ ip: printable, userAgent: printable });

/**
 * Records the action `details` about to be taken through the link in `req.params.token`. A link
 * that is not valid for `purpose`, or names no journey we hold, records nothing: the action
 * itself answers 404 for it.
 */
export async function recordLinkAction(
  deps: { db: Db; config: Config },
  req: Request<{ token: string }>,
  purpose: CustomerLink['purpose'],
  details: Record<string, string | number | undefined>,
): Promise<void> {
  const check = verifyLinkToken(deps.config.auth.secret, req.params.token, purpose);
  if (!check.ok) return;
  const { journeyId, subject } = check.link;
  if (!(await deps.db.journey.findUnique({ where: { id: journeyId }, select: { id: true } }))) return;
  const staff = req.principal;
  await appendEvent(deps.db, {
    journeyId,
    key: `link-action:${randomUUID()}`,
    type: 'customer_link_used',
    actor: staff?.id ?? 'customer',
    data: {
      purpose,
      subject,
      ...details,
      ...origin.parse({ ip: req.ip, userAgent: req.get('user-agent') }),
      ...(staff && { [staff.kind === 'user' ? 'staffUserId' : 'apiTokenId']: staff.id }),
    },
  });
}

// Customer links on the API side: a link that is not valid and live for its purpose is a 404.
import type { Config } from '../../platform/config';
import { verifyLinkToken, type CustomerLink } from '../../platform/customer-links';
import { AppError } from '../errors';

export function linkOf(config: Config, token: string, purpose: CustomerLink['purpose']): CustomerLink {
  const check = verifyLinkToken(config.auth.secret, token, purpose);
  if (!check.ok) throw new AppError('not_found', check.reason === 'expired' ? 'This link has expired' : 'This link is not valid');
  return check.link;
}

// Emails as staff read them, in the outbox list and on a journey's page alike: what was sent, but
// with customer links redacted, so that no staff role can act as the customer through them.
import { redactCustomerLinks } from '../../platform/customer-links';

export function emailForStaff<E extends { subject: string; text: string }>(email: E): E {
  return { ...email, subject: redactCustomerLinks(email.subject), text: redactCustomerLinks(email.text) };
}

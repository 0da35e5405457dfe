// Moves acquisition journeys along through the API, as the people of each role would.
import type { Role } from '../../api/auth/roles';
import type { Harness } from './harness';
import { eventually, request } from './http';
import { approveReview, discoveryMeeting, followUpQualified, lead, quoteDraft } from './fixtures';

export function journeyDriver(h: Pick<Harness, 'as' | 'db' | 'baseUrl'>) {
  /** Completes the journey's open task of `type` as `role`; fails the test unless it is accepted. */
  async function complete(role: Role, journeyId: string, type: string, result: object) {
    const task = await eventually(
      () => h.db.task.findFirst({ where: { journeyId, type, status: 'OPEN' } }),
      (t) => t !== null,
    );
    const res = await h.as(role)('POST', `/api/tasks/${task!.id}/complete`, { result });
    if (res.status !== 200) throw new Error(`completing ${type} as ${role}: ${res.status} ${JSON.stringify(res.body)}`);
    return task!;
  }

  /** A new lead taken through follow-up and discovery, to its first quote task. */
  async function qualifiedLead(overrides: Record<string, unknown> = {}) {
    const input = lead(overrides);
    const { body } = await h.as('anonymous')('POST', '/api/leads', input);
    await complete('sales', body.journeyId, 'follow-up-call', followUpQualified);
    await complete('sales', body.journeyId, 'discovery-meeting', discoveryMeeting);
    return { input, journeyId: body.journeyId as string, customerId: body.customerId as string };
  }

  /** The path of the customer link in the journey's email whose key starts with `keyPrefix`. */
  async function emailedLink(journeyId: string, keyPrefix: string) {
    const email = await eventually(
      () => h.db.email.findFirst({ where: { journeyId, key: { startsWith: `${journeyId}:${keyPrefix}` } }, orderBy: { createdAt: 'asc' } }),
      Boolean,
    );
    return new URL(/https?:\/\/\S+\/customer\/\S+/.exec(email!.text)![0]).pathname;
  }

  /** The customer's link from the quote email of that version. */
  const quoteLink = (journeyId: string, version: number) => emailedLink(journeyId, `quote:v${version}`);

  /** A lead taken to an approved first quote (the contract goes out next). */
  async function approvedQuote(overrides: Record<string, unknown> = {}) {
    const lead = await qualifiedLead(overrides);
    await complete('sales', lead.journeyId, 'prepare-quote', quoteDraft);
    await complete('pm', lead.journeyId, 'review-estimates', approveReview);
    await complete('finance', lead.journeyId, 'review-pricing', approveReview);
    const res = await request(h.baseUrl, 'POST', await quoteLink(lead.journeyId, 1), { decision: 'approve' });
    if (res.status !== 200) throw new Error(`approving the quote: ${res.status} ${JSON.stringify(res.body)}`);
    return lead;
  }

  return { complete, qualifiedLead, quoteLink, emailedLink, approvedQuote };
}

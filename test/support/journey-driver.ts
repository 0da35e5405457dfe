// Moves journeys along through the API, as the people of each role and the customer would.
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
    await qualify(body.journeyId);
    return { input, journeyId: body.journeyId as string, customerId: body.customerId as string };
  }

  /** Follow-up and discovery of a new lead's journey. */
  async function qualify(journeyId: string) {
    await complete('sales', journeyId, 'follow-up-call', followUpQualified);
    await complete('sales', journeyId, 'discovery-meeting', discoveryMeeting);
  }

  /**
   * The path of the customer link in the journey's email whose key starts with `keyPrefix`, as the
   * customer's mailbox has it: read from the stored email (the outbox table), since every staff
   * read through the API hides the links' tokens.
   */
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

  /** The customer answers what the journey asked them (`subject`) through the emailed link. */
  async function answer(journeyId: string, subject: string, decision: 'accept' | 'request-changes', comments?: string) {
    const res = await request(h.baseUrl, 'POST', await emailedLink(journeyId, `decision:${subject}`), { decision, comments });
    if (res.status !== 200) throw new Error(`answering ${subject}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /**
   * A lead taken to a signed contract and a paid deposit (local providers), then through the
   * delivery journey's team assignment, kickoff and plan: its first milestone is in progress.
   */
  async function projectInProgress(overrides: Record<string, unknown> = {}, draft: object = quoteDraft) {
    const won = await qualifiedLead(overrides);
    return { ...won, ...(await deliveryStarted(won.journeyId, draft)) };
  }

  /**
   * A qualified lead's journey won (quote, contract, deposit): its delivery journey has started.
   * The deposit is paid on the local provider's page unless `payDeposit` pays it otherwise.
   */
  async function won(acquisitionId: string, draft: object = quoteDraft, payDeposit?: (acquisitionId: string) => Promise<void>) {
    await complete('sales', acquisitionId, 'prepare-quote', draft);
    await complete('pm', acquisitionId, 'review-estimates', approveReview);
    await complete('finance', acquisitionId, 'review-pricing', approveReview);
    const steps: Array<[string, object]> = [['quote:v1', { decision: 'approve' }], ['contract:', { decision: 'sign' }], ...(payDeposit ? [] : [['deposit:', {}] as [string, object]])];
    for (const [prefix, body] of steps) {
      const res = await request(h.baseUrl, 'POST', await emailedLink(acquisitionId, prefix), body);
      if (res.status !== 200) throw new Error(`${prefix}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    await payDeposit?.(acquisitionId);
    const project = (await eventually(() => h.db.project.findFirst({ where: { journeyId: acquisitionId, deliveryJourneyId: { not: null } } }), Boolean))!;
    return { acquisitionId, deliveryId: project.deliveryJourneyId!, projectId: project.id };
  }

  /** A delivery journey through team assignment, kickoff and the customer's plan: its first milestone is in progress. */
  async function kickedOff(deliveryId: string) {
    await complete('manager', deliveryId, 'assign-team', { projectManager: 'Margaret Peacock', team: [{ name: 'Robert King', role: 'Developer' }] });
    await complete('pm', deliveryId, 'kickoff-meeting', { notes: 'Met the team.', plan: 'Design first, then two build sprints.' });
    await answer(deliveryId, 'plan:1', 'accept');
  }

  /** A qualified lead's journey won and its delivery through the plan. */
  async function deliveryStarted(...args: Parameters<typeof won>) {
    const started = await won(...args);
    await kickedOff(started.deliveryId);
    return started;
  }

  /** The PM submits milestone `position` (round `round`) and the customer answers. */
  async function deliverMilestone(deliveryId: string, position: number, round = 1, decision: 'accept' | 'request-changes' = 'accept', comments?: string) {
    await complete('pm', deliveryId, 'submit-milestone', { summary: `Milestone ${position}, round ${round}`, deliverables: 'https://files.example/handover' });
    return answer(deliveryId, `milestone:${position}:round:${round}`, decision, comments);
  }

  return { complete, qualify, qualifiedLead, quoteLink, emailedLink, approvedQuote, answer, projectInProgress, won, kickedOff, deliveryStarted, deliverMilestone };
}

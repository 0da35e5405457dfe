// Seed 001 and seed 000's journey 4, phase 1: one support ticket, from raised to closed and rated.
// The ticket goes back and forth between its agent and the customer; three SLA clocks (first
// response, next response, resolution) count business time on the support calendar and stop
// while the ticket waits on the customer. A second branch watches them: a warning at 75% of a
// target, the breach at 100% to the support lead, then the manager. A resolved ticket, or one
// waiting on the customer, closes by itself when nobody answers within the closing window.
import { ApplicationFailure, condition, ParentClosePolicy, patched, proxyActivities, setHandler, startChild } from '@temporalio/workflow';
import type { SupportActivities } from '../../activities/support/tickets';
import type { EmailActivities } from '../../activities/runtime/email';
import { calendarOf } from '../runtime/business-calendar';
import { billingJourney } from '../billing/workflow';
import { tellOfAdvocacyMoment } from '../retention/hand-over';
import { FailureTypes, journeyWorkflowId, type JourneyResult } from '../runtime/definitions';
import { JourneyRuntime, mailActivityOptions, recordActivityOptions } from '../runtime/journey';
import { SlaClock } from '../runtime/sla-clock';
import {
  closeTicketUpdate,
  customerReplyUpdate,
  staffReplyUpdate,
  triageTicketUpdate,
  type CustomerReply,
  type StaffReply,
  type SupportInput,
  type TicketAnswer,
  type TicketClosing,
  type TicketTriage,
} from './messages';
import { CLOCK_NAMES, ESCALATION_CHAIN, newClock, nextMoment, viewOf, type ClockName, type TicketClock } from './sla';
import { supportStages } from './stages';

const support = proxyActivities<SupportActivities>(recordActivityOptions);
const mail = proxyActivities<EmailActivities>(mailActivityOptions);

type Stage = keyof typeof supportStages.stages;
type Closing = { closeReason: 'confirmed' | 'no-answer' | 'spam' | 'duplicate'; reason: string; mergeIntoJourneyId?: string };

const DAY = 24 * 60 * 60 * 1000;
/** How long the customer has to rate a closed ticket. */
const RATING_DAYS = 7;
/** A rating at or below this opens a follow-up task for the support lead. */
const LOW_RATING = 2;
/** A rating this high (5 of 5) earns asking the client to refer us. */
const TOP_RATING = 5;

export async function supportJourney(input: SupportInput): Promise<JourneyResult> {
  const journey = new JourneyRuntime(input.journeyId, supportStages);
  const { settings } = input;
  const calendar = calendarOf(settings.hours);
  const [opens, closes] = [settings.hours.opens, settings.hours.closes].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));
  const closeAfterMs = settings.closeAfterBusinessDays * (closes! - opens!) * 60_000;

  let stage: Stage = 'new';
  let priority = input.ticket.priority;
  let queue = '';
  let assigneeId: string | undefined;
  let closing: Closing | undefined;
  /** Bumped by every change the clock watcher must look at. */
  let version = 0;
  let opened: Awaited<ReturnType<typeof support.openTicket>> | undefined;
  const clocks: Partial<Record<ClockName, TicketClock>> = {};
  /** Each next-response clock is a round of its own (its moments are recorded apart). */
  let nextResponseRound = 0;

  const refuseClosed = () => {
    if (closing || journey.state().status !== 'RUNNING') {
      throw ApplicationFailure.create({ type: FailureTypes.ticketClosed, message: 'The ticket is closed', nonRetryable: true });
    }
  };
  const pausedNow = (name: ClockName) => () => stage === 'waiting-on-customer' || (name === 'resolution' && stage === 'resolved');
  const running = (name: ClockName) => {
    const c = clocks[name];
    return c && c.stoppedAt === undefined ? new SlaClock(c.state, calendar, pausedNow(name)) : undefined;
  };
  /** Stops a clock for good: what it counted is final. */
  const stop = (name: ClockName, now: number) => {
    const clock = running(name);
    if (!clock) return;
    clock.state.countedMs = clock.elapsed(now);
    clock.state.runningSince = undefined;
    clocks[name]!.stoppedAt = now;
  };
  const changed = () => void version++;
  const answer = (): TicketAnswer => ({ status: closing ? 'closed' : stage });
  const ticketOpened = () => condition(() => opened !== undefined);
  const customerEmail = (key: string, template: 'ticket-reply' | 'ticket-closed' | 'ticket-waiting', data: Record<string, unknown> = {}) =>
    mail.sendEmail({
      key: `${input.journeyId}:${key}`,
      journeyId: input.journeyId,
      to: opened!.customer.email,
      template,
      data: { contactName: opened!.customer.contactName, number: opened!.number, url: opened!.ticketUrl, ...data },
    } as Parameters<typeof mail.sendEmail>[0]);

  setHandler(
    staffReplyUpdate,
    async (req: StaffReply) => {
      await ticketOpened();
      await support.recordTicketMessage({ ticketId: opened!.ticketId, journeyId: input.journeyId, messageId: req.messageId, author: req.by.id, authorName: req.by.name, internal: req.internal, body: req.body, at: new Date().toISOString() });
      if (!req.internal) {
        const now = Date.now();
        stop('firstResponse', now);
        stop('nextResponse', now);
        stage = req.then ?? 'waiting-on-customer';
        await customerEmail(`reply:${req.messageId}`, 'ticket-reply', { from: req.by.name, body: req.body, resolved: stage === 'resolved' });
      }
      changed();
      return answer();
    },
    { validator: (_req: StaffReply) => refuseClosed() },
  );

  setHandler(
    customerReplyUpdate,
    async (req: CustomerReply) => {
      await ticketOpened();
      if (req.body) {
        await support.recordTicketMessage({ ticketId: opened!.ticketId, journeyId: input.journeyId, messageId: req.messageId, author: 'customer', authorName: opened!.customer.contactName, internal: false, body: req.body, at: new Date().toISOString() });
      }
      if (req.confirmResolved && stage === 'resolved') {
        closing ??= { closeReason: 'confirmed', reason: 'The customer confirmed the resolution' };
      } else if (req.body) {
        // Answered once already: the customer now waits on the next response.
        if (clocks.firstResponse?.stoppedAt !== undefined && !running('nextResponse')) {
          clocks.nextResponse = newClock(settings.policy[priority].nextResponse, Date.now());
          nextResponseRound++;
        }
        if (stage !== 'new') stage = 'open';
      }
      changed();
      return answer();
    },
    { validator: (_req: CustomerReply) => refuseClosed() },
  );

  setHandler(
    triageTicketUpdate,
    async (req: TicketTriage) => {
      await ticketOpened();
      if (req.priority && req.priority !== priority) {
        priority = req.priority;
        for (const name of CLOCK_NAMES) {
          const c = clocks[name];
          if (c && c.stoppedAt === undefined) c.targetMs = settings.policy[priority][name] * 60_000;
        }
      }
      if (req.queue) queue = req.queue;
      if (req.assigneeId !== undefined) assigneeId = req.assigneeId ?? undefined;
      await support.triageTicket({ ticketId: opened!.ticketId, journeyId: input.journeyId, by: req.by, priority, queue, assigneeId: assigneeId ?? null, reason: req.reason, at: new Date().toISOString() });
      changed();
      return answer();
    },
    { validator: (_req: TicketTriage) => refuseClosed() },
  );

  setHandler(
    closeTicketUpdate,
    async (req: TicketClosing) => {
      await ticketOpened();
      closing ??= {
        closeReason: req.as,
        reason: `Closed as ${req.as} by ${req.by.name}${req.reason ? `: ${req.reason}` : ''}`,
        mergeIntoJourneyId: req.mergeIntoJourneyId,
      };
      changed();
      return { status: 'closed' };
    },
    { validator: (_req: TicketClosing) => refuseClosed() },
  );

  /** Keeps the clocks' pauses in step with the stage, fires their warnings, breaches and escalations, and writes their views. */
  async function watchClocks() {
    let written = -1;
    for (;;) {
      const now = Date.now();
      for (const name of CLOCK_NAMES) running(name)?.sync(now);
      for (const name of CLOCK_NAMES) {
        const c = clocks[name];
        for (let due = c && nextMoment(c, calendar); c && due && due.at <= now; due = nextMoment(c, calendar)) {
          if (due.moment === 'warning') c.warnedAt = now;
          else if (due.moment === 'breach') c.breachedAt = now;
          const step = due.moment === 'warning' ? undefined : ESCALATION_CHAIN[c.escalated++];
          await support.recordClockMoment({
            ticketId: opened!.ticketId,
            journeyId: input.journeyId,
            clock: name,
            moment: due.moment,
            round: name === 'nextResponse' ? nextResponseRound : 0,
            to: step ? { role: step.role } : assigneeId ? { userId: assigneeId } : { role: queue },
            at: new Date(now).toISOString(),
          });
          changed();
        }
      }
      if (version !== written) {
        written = version;
        const views = Object.fromEntries(Object.entries(clocks).map(([name, c]) => [name, viewOf(c, calendar, now)]));
        await support.writeClocks({ ticketId: opened!.ticketId, clocks: views, at: new Date(now).toISOString() });
      }
      if (closing) return;
      const next = CLOCK_NAMES.map((n) => clocks[n] && nextMoment(clocks[n]!, calendar)?.at).filter((at): at is number => at !== undefined);
      const seen = version;
      const wake = () => version !== seen || closing !== undefined;
      await (next.length ? condition(wake, Math.max(Math.min(...next) - Date.now(), 1)) : condition(wake));
    }
  }
  return journey.run(async () => {
    opened = await support.openTicket({ journeyId: input.journeyId, customerId: input.customerId, ticket: input.ticket, warrantyDays: settings.warrantyDays, at: new Date().toISOString() });
    ({ queue } = opened);
    assigneeId = opened.assigneeId ?? undefined;
    const now = Date.now();
    clocks.firstResponse = newClock(settings.policy[priority].firstResponse, now);
    clocks.resolution = newClock(settings.policy[priority].resolution, now);
    await journey.enterStage('new');
    await mail.sendEmail({
      key: `${input.journeyId}:received`,
      journeyId: input.journeyId,
      to: opened.customer.email,
      template: 'ticket-received',
      data: { contactName: opened.customer.contactName, number: opened.number, url: opened.ticketUrl, billable: opened.billable, warrantyEndsAt: opened.warrantyEndsAt ?? '' },
    });
    const watching = watchClocks();
    // Cancelled with the journey, it rejects before it is awaited below: not an unhandled rejection (which would fail the workflow task for ever).
    watching.catch(() => undefined);

    for (let turn = 1; !closing; turn++) {
      if (journey.state().stage !== stage) await journey.enterStage(stage);
      const here = stage;
      const onCustomer = here === 'waiting-on-customer' || here === 'resolved';
      const answered = await journey.waitFor(
        {
          kind: 'reply',
          key: `${here}:${turn}`,
          description: here === 'resolved' ? 'The customer to confirm the resolution' : onCustomer ? "The customer's reply" : 'A reply to the customer',
          unblockedBy: onCustomer ? 'customer' : (assigneeId ?? queue),
          ...(onCustomer && {
            timeoutMs: calendar.after(Date.now(), closeAfterMs) - Date.now(),
            reminders: [{ afterMs: (calendar.after(Date.now(), closeAfterMs / 2) - Date.now()), send: () => customerEmail(`waiting:${turn}`, 'ticket-waiting', { resolved: here === 'resolved' }) }],
          }),
        },
        () => stage !== here || closing !== undefined,
      );
      if (!answered && onCustomer) {
        closing = { closeReason: 'no-answer', reason: `No answer from the customer within ${settings.closeAfterBusinessDays} business days` };
        changed();
      }
    }
    const closed = closing;
    const at = Date.now();
    // The first response was given if its clock stopped before the closing; the resolution counts for a ticket resolved, not discarded.
    const responded = clocks.firstResponse!.stoppedAt !== undefined;
    for (const name of CLOCK_NAMES) stop(name, at);
    const minutesOf = (name: ClockName) => Math.round(clocks[name]!.state.countedMs / 60_000);
    const figures = {
      firstResponseMinutes: responded ? minutesOf('firstResponse') : null,
      resolutionMinutes: closed.closeReason === 'confirmed' || closed.closeReason === 'no-answer' ? minutesOf('resolution') : null,
    };
    changed();
    await watching;
    const settled = await support.closeTicket({
      ticketId: opened.ticketId,
      journeyId: input.journeyId,
      closeReason: closed.closeReason,
      reason: closed.reason,
      mergeIntoJourneyId: closed.mergeIntoJourneyId,
      clocks: Object.fromEntries(Object.entries(clocks).map(([name, c]) => [name, viewOf(c, calendar, at)])),
      figures,
      at: new Date(at).toISOString(),
    });
    // Time worked outside the warranty goes on an invoice of its own, which outlives this journey.
    if (patched('bill-support-time') && settled?.billableMinutes && settled.projectId) {
      const billingId = journeyWorkflowId(input.customerId, 'billing', `t${opened.number}`);
      await startChild(billingJourney, {
        workflowId: billingId,
        args: [{ journeyId: billingId, customerId: input.customerId, projectId: settled.projectId, ticketId: opened.ticketId }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    }
    await journey.enterStage('closed');
    if (closed.closeReason === 'confirmed' || closed.closeReason === 'no-answer') {
      await customerEmail('closed', 'ticket-closed');
      const rating = await journey.customerDecision({
        form: 'rating',
        subject: 'satisfaction',
        title: `How did we do on ticket T-${opened.number}?`,
        details: { ticket: `T-${opened.number}`, subject: input.ticket.subject },
        customer: opened.customer,
        remindAfterMs: 3 * DAY,
        timeoutMs: RATING_DAYS * DAY,
      });
      if (rating) {
        await support.recordSatisfaction({ ticketId: opened.ticketId, journeyId: input.journeyId, rating: rating.rating, comment: rating.comment, at: new Date().toISOString() });
        // A top rating earns asking the client to refer us (their retention journey asks, if it runs).
        if (rating.rating === TOP_RATING && patched('top-rating-earns-advocacy')) await tellOfAdvocacyMoment(input.customerId, { moment: 'top-rating', ref: opened.ticketId });
        if (rating.rating <= LOW_RATING) {
          await journey.humanTask({
            type: 'csat-follow-up',
            title: `Rated ${rating.rating}/5: T-${opened.number} ${input.ticket.subject}`,
            role: 'support_lead',
            dueInMs: 2 * DAY,
            clock: { hours: settings.hours },
            input: { ticket: `T-${opened.number}`, rating: rating.rating, comment: rating.comment ?? '' },
          });
        }
      }
    }
    return journey.end('COMPLETED', closed.reason);
  });
}

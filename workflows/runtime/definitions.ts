// The contract between journeys and the outside world: workflow ids, inputs, queries and updates.
// Imported by the workflows themselves, by the API and by tests; it must stay free of I/O.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { JourneyKind } from '../kinds';

/**
 * The single helper that turns business ids into workflow ids: journey:<customerId>:<kind>:<n>.
 * A delivery journey takes its acquisition's number; a billing journey its delivery's and the
 * invoice's place (`3.m2`, `3.final`).
 */
export function journeyWorkflowId(customerId: string, kind: JourneyKind, sequence: number | string): string {
  return `journey:${customerId}:${kind}:${sequence}`;
}

/** The late-payment journey of a payment that came after `endedJourneyId` (its invoice's) stopped taking them: one per payment. */
export function latePaymentJourneyId(endedJourneyId: string, paymentObjectId: string): string {
  const { customerId, sequence } = journeyIdParts(endedJourneyId);
  return journeyWorkflowId(customerId, 'billing', `${sequence}.late.${paymentObjectId}`);
}

/** The business ids in a journey's workflow id: the other half of journeyWorkflowId. */
export function journeyIdParts(journeyId: string): { customerId: string; kind: string; sequence: string } {
  const [, customerId = '', kind = '', sequence = ''] = journeyId.split(':');
  return { customerId, kind, sequence };
}

export type Inquiry = {
  companyName: string;
  contactName: string;
  email: string;
  phone?: string;
  projectType: string;
  budgetRange: string;
  timeline: string;
  description: string;
  country?: string;
  region?: string;
  /** A client's referral code that came with the lead (recordLead attributes it). */
  referralCode?: string;
};

export type AcquisitionInput = {
  journeyId: string;
  customerId: string;
  inquiry: Inquiry;
  /** Hours the sales team has to make first contact (seed 000: "within 24 hours"). */
  followUpDueHours: number;
  /**
   * Repeat business: an opportunity found with a client, opened by someone on their account (the
   * journey is the child of the account's retention journey and starts at discovery). Absent: a
   * lead from the contact form.
   */
  repeat?: { parentJourneyId: string; source: OpportunitySource; openedBy: string };
};

/** Started by a won acquisition: the project from its approved quote, through to sign-off and payment. */
export type DeliveryInput = { journeyId: string; customerId: string; projectId: string; acquisitionJourneyId: string };

/**
 * One invoice, from issue to paid: started by its delivery journey (`milestoneId` absent: the final
 * invoice), or by a support journey for the time on its ticket (`ticketId`).
 */
export type BillingInput = { journeyId: string; customerId: string; projectId: string; deliveryJourneyId?: string; milestoneId?: string; ticketId?: string };

/**
 * A payment that came after its invoice's journey ended (started by the API, one per provider
 * payment): recorded on the invoice, then finance decides whether to refund it.
 */
export type LatePaymentInput = { journeyId: string; customerId: string; endedJourneyId: string; invoiceId: string; payment: ExternalEvent };

/**
 * The Temporal header naming the API request (its X-Request-Id) that started, signalled or updated a
 * journey: log lines it causes carry it as `requestId`. A header, not an input: histories replay unchanged.
 */
export const REQUEST_ID_HEADER = 'requestId';
/** A request id the API would accept or make (short, nothing a log reader or a terminal could be fooled by). */
export const isSafeRequestId = (id: unknown): id is string => typeof id === 'string' && /^[A-Za-z0-9._:@-]{1,128}$/.test(id);

export type JourneyStatus = 'RUNNING' | 'COMPLETED' | 'LOST' | 'CANCELLED';

export { WAIT_KINDS, type WaitKind } from './wait-kinds';
import type { WaitKind } from './wait-kinds';
import type { OpportunitySource } from '../acquisition/repeat-business';

/** One thing a journey is blocked on right now. */
export type Wait = {
  /** Unique across journeys; the waiting-on index's primary key. */
  id: string;
  kind: WaitKind;
  /** What would unblock it: a task id, an envelope id, a signal name, a timer name. */
  key: string;
  description: string;
  since: string;
  deadline?: string;
  /** Role (or person) who can unblock it. */
  unblockedBy?: string;
};

export type JourneyState = {
  stage: string;
  stageSince: string;
  status: JourneyStatus;
  waitingOn: Wait[];
};

export type JourneyResult = { status: Exclude<JourneyStatus, 'RUNNING'>; stage: string; reason: string };

export const journeyStateQuery = defineQuery<JourneyState>('journeyState');

export type CompleteTaskRequest = { taskId: string; completedBy: string; result: unknown };
export type CompleteTaskResponse = { taskId: string; completedAt: string };

/** Completes a human task. Validated inside the workflow, answered synchronously. */
export const completeTaskUpdate = defineUpdate<CompleteTaskResponse, [CompleteTaskRequest]>('completeTask');

/**
 * Something an outside system reported (a DocuSign envelope completed, a Stripe payment
 * succeeded), already verified and stored once by the API. `objectId` is the provider object it
 * is about; the journey keeps events until a wait for that object wants them.
 */
export type ExternalEvent = { source: string; eventId: string; type: string; objectId: string; data?: Record<string, unknown> };

export const externalEventSignal = defineSignal<[ExternalEvent]>('externalEvent');

/** The provider events journeys wait for; others are stored (for the record) but not signalled. */
export const SIGNATURE_EVENTS = ['envelope-completed', 'envelope-declined', 'envelope-voided'] as const;
export const PAYMENT_EVENTS = ['payment_intent.succeeded'] as const;
/** A credit note finance issued against an invoice (api/billing/credit-notes.ts): the balance its journey waits on went down. */
export const CREDIT_NOTE_EVENT = 'credit_note.issued';
export const JOURNEY_EVENT_TYPES: ReadonlySet<string> = new Set([...SIGNATURE_EVENTS, ...PAYMENT_EVENTS, CREDIT_NOTE_EVENT]);

export type QuoteDecision = 'approve' | 'request-changes' | 'decline';
export type QuoteDecisionRequest = { version: number; decision: QuoteDecision; comments?: string };

/** The customer's answer to a sent quote (through their signed link). Rejected unless that version awaits an answer. */
export const quoteDecisionUpdate = defineUpdate<{ version: number; decision: QuoteDecision }, [QuoteDecisionRequest]>('quoteDecision');

/** The customer's answer to what the journey asked (`subject`): an object its decision's form validates. */
export type CustomerDecisionRequest = { subject: string; answer: unknown };
/** The request before decisions had forms, still accepted (recorded histories, older callers): an `accept-or-change` answer. */
export type LegacyCustomerDecisionRequest = { subject: string; decision: 'accept' | 'request-changes'; comments?: string };

/** The answer a customer decision's request carries, whichever shape it came in. */
export function answerOf(req: CustomerDecisionRequest | LegacyCustomerDecisionRequest): unknown {
  return 'answer' in req ? req.answer : { decision: req.decision, comments: req.comments };
}

/** The customer's answer to something the journey asked them to decide (through a signed link); answered with the parsed answer. */
export const customerDecisionUpdate = defineUpdate<{ subject: string; answer: unknown }, [CustomerDecisionRequest | LegacyCustomerDecisionRequest]>(
  'customerDecision',
);

export type ChangeRequestInput = { title: string; description: string; costMinor: number; days: number; raisedBy: string };

/** A scope change raised on a project in delivery; answered with its number once recorded. */
export const raiseChangeRequestUpdate = defineUpdate<{ number: number }, [ChangeRequestInput]>('raiseChangeRequest');

export type CancelJourneyRequest = { reason: string; cancelledBy: string };

/** A manager ends a running journey: its open tasks are cancelled and it ends CANCELLED. */
export const cancelJourneyUpdate = defineUpdate<JourneyResult, [CancelJourneyRequest]>('cancelJourney');

/** A manager moves an open task's due date; its deadlines not yet passed move by as much. `reason` goes on the trail. */
export type ChangeTaskDueRequest = { taskId: string; dueAt: string; changedBy: string; reason?: string };
export type ChangeTaskDueResponse = { taskId: string; dueAt: string; slaAt?: string };

export const changeTaskDueUpdate = defineUpdate<ChangeTaskDueResponse, [ChangeTaskDueRequest]>('changeTaskDue');

/** ApplicationFailure types a caller can tell apart. */
export const FailureTypes = {
  taskNotOpen: 'TaskNotOpen',
  invalidTaskResult: 'InvalidTaskResult',
  journeyNotRunning: 'JourneyNotRunning',
  quoteNotAwaitingDecision: 'QuoteNotAwaitingDecision',
  decisionNotAwaited: 'DecisionNotAwaited',
  invalidDecisionAnswer: 'InvalidDecisionAnswer',
  changeRequestsClosed: 'ChangeRequestsClosed',
  undeclaredStage: 'UndeclaredStage',
  ticketClosed: 'TicketClosed',
  /** The task's deadlines follow its SLA clock (a ticket's policy), not a date a person sets. */
  taskDueFixed: 'TaskDueFixed',
  invalidTaskDue: 'InvalidTaskDue',
} as const;

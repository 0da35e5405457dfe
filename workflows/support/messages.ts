// What reaches a support journey from outside: staff replies, notes and triage, the customer's
// replies, and closing as spam or a duplicate. Each is an Update, validated by the API before it is
// sent and by the journey when it arrives (a closed ticket refuses it: 409), and answered once recorded.
import { defineUpdate } from '@temporalio/workflow';
import type { BusinessHours } from '../runtime/business-calendar';
import type { Priority, SlaPolicy } from './sla';

/** What the customer or staff raised, validated (api/support/tickets.ts). */
export type NewTicket = {
  subject: string;
  description: string;
  category: string;
  priority: Priority;
  projectId?: string;
  raisedBy: string;
  channel: 'customer-link' | 'staff' | 'api';
};

/** The support settings a ticket keeps for its whole life (taken from the configuration when it is raised). */
export type SupportSettings = {
  policy: SlaPolicy;
  hours: BusinessHours;
  /** Business days a resolved ticket, or one waiting on the customer, stays open without an answer. */
  closeAfterBusinessDays: number;
  /** Days after a project's sign-off in which its tickets are free. */
  warrantyDays: number;
};

export type SupportInput = { journeyId: string; customerId: string; ticket: NewTicket; settings: SupportSettings };

/** Where an agent's reply leaves the ticket: still with the agent, waiting on the customer, or resolved. */
export type ReplyThen = 'open' | 'waiting-on-customer' | 'resolved';

export type StaffReply = { messageId: string; by: { id: string; name: string }; body: string; internal: boolean; then?: ReplyThen };
/** The customer's reply; on a resolved ticket it reopens it, unless they confirm the resolution. */
export type CustomerReply = { messageId: string; body: string; confirmResolved?: boolean };
export type TicketTriage = { by: { id: string; name: string }; priority?: Priority; queue?: string; assigneeId?: string | null; reason: string };
export type TicketClosing = { by: { id: string; name: string }; as: 'spam' | 'duplicate'; mergeIntoJourneyId?: string; reason?: string };

export type TicketAnswer = { status: string };

export const staffReplyUpdate = defineUpdate<TicketAnswer, [StaffReply]>('staffReply');
export const customerReplyUpdate = defineUpdate<TicketAnswer, [CustomerReply]>('customerReply');
export const triageTicketUpdate = defineUpdate<TicketAnswer, [TicketTriage]>('triageTicket');
export const closeTicketUpdate = defineUpdate<TicketAnswer, [TicketClosing]>('closeTicket');

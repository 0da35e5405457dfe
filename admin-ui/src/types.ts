// The records the API returns. Those the API describes in api/contract/records.ts (pure zod, the
// response schemas of its OpenAPI document) are inferred from those schemas, so the UI and the API
// cannot disagree about them; the rest are still written here. Dates arrive as ISO strings.
import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type * as api from '../../api/contract/records';
import type { JsonSchema } from './schemaForm/jsonSchema';

export { ROLES, WAIT_KINDS } from '../../api/contract/records';
export type Role = api.Role;

export type JourneyStatus = 'RUNNING' | 'COMPLETED' | 'LOST' | 'CANCELLED' | 'FAILED';
export type TaskStatus = 'OPEN' | 'COMPLETED' | 'CANCELLED';
/** Seed 003's phases (api/domain/customer-lifecycle.ts), derived from the customer's journeys and time. */
export type LifecyclePhase = 'PROSPECT' | 'ACTIVE_LEAD' | 'ONBOARDING' | 'CLIENT_0_90_DAYS' | 'CLIENT_90_DAYS_1_YEAR' | 'ESTABLISHED' | 'FORMER_CLIENT';

/** The signed-in person, from GET /api/auth/me. */
export type Identity = z.infer<typeof api.identity>;

export type User = z.infer<typeof api.user>;

export type Customer = z.infer<typeof api.customer>;
export interface CustomerDetail extends Customer {
  journeys: JourneyFields[];
}

export type WaitKind = (typeof api.WAIT_KINDS)[number];

/** One thing a journey is (or was) blocked on: a row of the waiting-on index. */
export type Wait = z.infer<typeof api.wait>;
/** What every journey answer carries. Journey ids are Temporal workflow ids: journey:<customerId>:<kind>:<n>. */
export type JourneyFields = z.infer<typeof api.journeyFields>;
/** A row of GET /api/journeys. */
export type Journey = z.infer<typeof api.journey>;
/** A row of GET /api/waits. */
export type OpenWait = z.infer<typeof api.openWait>;
export interface Inquiry {
  id: string;
  projectType: string;
  budgetRange: string;
  timeline: string;
  description: string;
  receivedAt: string;
}

export type Email = z.infer<typeof api.email>;
/** An entry of a journey's audit trail. New journeys bring new types: render unknown ones generically. */
export interface JourneyEvent {
  id: string;
  type: string;
  /** A user id, an email (leads), or null for the journey itself. */
  actor: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
  at: string;
}

export interface JourneyDetail extends JourneyFields {
  /** Null for the first moments of a journey, before its first activity has written its rows. */
  customer: z.infer<typeof api.customerRecord> | null;
  inquiries: Inquiry[];
  /** Every version an acquisition drafted; other journeys have none. */
  quotes: Quote[];
  /** The journey's own invoices, in full: a billing journey's invoice, an acquisition's deposit. */
  invoices: Invoice[];
  /** What the journey asked the customer to decide. */
  decisions: CustomerDecision[];
  /** The project the journey won (acquisition), runs (delivery) or bills (billing). */
  project: Project | null;
  tasks: Task[];
  /** Every wait, ended ones included. */
  waits: Wait[];
  emails?: Email[];
  /** What it waits on now. */
  waitingOn: Wait[];
  /** False when the workflow did not answer the state query: waitingOn then comes from the index. */
  live: boolean;
  temporalUiUrl: string;
  history: JourneyEvent[];
  /** The journeys this one started. */
  children: Array<Pick<JourneyFields, 'id' | 'kind' | 'status'>>;
}

export interface Task extends RaRecord<string> {
  journeyId: string;
  /** A task type id from GET /api/task-types; new journeys bring new types. */
  type: string;
  title: string;
  /** The queue it sits in; escalation moves it to `manager`, keeping `originalRole`. */
  role: string | null;
  originalRole: string | null;
  assignee: string | null;
  assignedTo: { name: string } | null;
  claimedAt: string | null;
  status: TaskStatus;
  input: Record<string, unknown>;
  result: Record<string, unknown> | null;
  dueAt: string;
  slaAt: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  journey?: { kind: string; stage: string; customer: { id: string; companyName: string } };
}

export interface TaskComment {
  id: string;
  taskId: string;
  authorId: string;
  body: string;
  createdAt: string;
  author: { name: string };
}

/** What the signed-in person may do with a task now: the task page shows exactly these. */
export type TaskActions = z.infer<typeof api.taskActions>;
export interface TaskDetail extends Task {
  comments: TaskComment[];
  actions: TaskActions;
}

export interface TaskType extends RaRecord<string> {
  schema: JsonSchema;
}

/** One stage of a journey kind's declared map (GET /api/journey-kinds). */
export type KindStage = z.infer<typeof api.kindStage>;
export type JourneyKindMap = z.infer<typeof api.journeyKind>;
export type Notification = z.infer<typeof api.notification>;
// Money is in integer minor units (pence, cents) of a 3-letter ISO currency.

export interface Quote {
  id: string;
  version: number;
  status: string;
  currency: string;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  depositPercent: number;
  billing: 'MILESTONES' | 'COMPLETION';
  createdAt: string;
}

export type ProjectStatus = 'PLANNING' | 'ACTIVE' | 'SIGNED_OFF' | 'COMPLETED' | 'CANCELLED';
export type MilestoneStatus = 'PLANNED' | 'IN_PROGRESS' | 'IN_REVIEW' | 'REVISIONS_REQUESTED' | 'ACCEPTED';
export type ChangeRequestStatus = 'PENDING_FINANCE' | 'PENDING_CUSTOMER' | 'APPROVED' | 'REJECTED';
export type InvoiceStatus = 'DRAFT' | 'OPEN' | 'PARTIALLY_PAID' | 'PAID' | 'VOID';
/** CANCELED: its intent was cancelled at the provider when a newer request for the balance replaced it. */
export type PaymentStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'REFUNDED' | 'CANCELED';
/** Only SUCCEEDED refunds count in an invoice's refundedMinor. */
export type RefundStatus = 'PENDING' | 'REQUIRES_ACTION' | 'SUCCEEDED' | 'FAILED' | 'CANCELED';
/** A form answering with a `decision` names it (ACCEPTED…); other forms' answers are ANSWERED. */
export type DecisionStatus = 'OPEN' | 'ACCEPTED' | 'CHANGES_REQUESTED' | 'APPROVED' | 'DECLINED' | 'ANSWERED' | 'WITHDRAWN' | 'EXPIRED';

/** One round of a milestone: what the team submitted and what the customer answered. */
export interface MilestoneReview {
  id: string;
  round: number;
  summary: string;
  /** Null while the customer has not answered. */
  decision: 'accepted' | 'revisions' | null;
  comments: string | null;
  submittedAt: string;
  decidedAt: string | null;
}

export interface Milestone {
  id: string;
  position: number;
  title: string;
  /** In the project's currency (its quote's). */
  amountMinor: number;
  dueAt: string;
  status: MilestoneStatus;
  submittedAt: string | null;
  acceptedAt: string | null;
  reviews: MilestoneReview[];
}

export interface ChangeRequest {
  id: string;
  number: number;
  title: string;
  description: string;
  costMinor: number;
  days: number;
  status: ChangeRequestStatus;
  /** A user id. */
  raisedBy: string;
  financeNotes: string | null;
  customerComments: string | null;
  /** The quote version an approved change created. */
  quoteVersion: number | null;
  milestoneId: string | null;
  invoiceId: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export type TimeEntry = z.infer<typeof api.timeEntry>;
/** What a project lists of its invoices: the figures, not the lines. */
export interface InvoiceSummary {
  id: string;
  number: string;
  /** deposit, milestone, final… */
  kind: string;
  status: InvoiceStatus;
  /** The billing journey that issues it and collects it (the acquisition, for a deposit). */
  journeyId: string;
  totalMinor: number;
  /** Received so far, refunds not deducted: what is owed is totalMinor - paidMinor. */
  paidMinor: number;
  refundedMinor: number;
  currency: string;
  dueAt: string | null;
}

export interface InvoiceLine {
  id: string;
  position: number;
  /** milestone, change-order, time, deposit-credit, late-fee… */
  kind: string;
  description: string;
  amountMinor: number;
}

export interface InvoiceFields extends InvoiceSummary {
  customerId: string;
  projectId: string | null;
  milestoneId: string | null;
  /** The taxable work; the total adds the tax, then credits and fees. */
  subtotalMinor: number;
  taxMinor: number;
  /** 2000 = 20%. */
  taxRateBps: number;
  issuedAt: string | null;
  paidAt: string | null;
  lateFeeAt: string | null;
  createdAt: string;
  lines: InvoiceLine[];
}

export interface Payment {
  id: string;
  provider: string;
  providerPaymentId: string | null;
  amountMinor: number;
  currency: string;
  status: PaymentStatus;
  paidAt: string | null;
  createdAt: string;
}

export interface Refund {
  id: string;
  paymentId: string | null;
  provider: string;
  providerRefundId: string;
  amountMinor: number;
  currency: string;
  reason: string | null;
  status: RefundStatus;
  createdAt: string;
}

/** An invoice on its journey's page. */
export interface Invoice extends InvoiceFields {
  payments: Payment[];
  refunds: Refund[];
}

/** A row of GET /api/invoices (finance, managers). */
export interface InvoiceRow extends InvoiceFields, RaRecord<string> {
  customer: Pick<Customer, 'companyName'>;
  /** totalMinor - paidMinor. */
  balanceMinor: number;
}

export interface Project {
  id: string;
  /** The acquisition journey that won it. */
  journeyId: string;
  /** The delivery journey that runs it, once started. */
  deliveryJourneyId: string | null;
  quoteId: string;
  name: string;
  /** Of every amount in the project (its quote's). */
  currency: string;
  status: ProjectStatus;
  team: { name: string; role: string }[];
  kickoffAt: string | null;
  signedOffAt: string | null;
  handedOverAt: string | null;
  /** When everything invoiced was paid. */
  closedAt: string | null;
  createdAt: string;
  milestones: Milestone[];
  changeRequests: ChangeRequest[];
  timeEntries: TimeEntry[];
  invoices: InvoiceSummary[];
}

/** Something the customer was asked to decide through a signed link. */
export interface CustomerDecision {
  id: string;
  /** Unique within the journey: plan:1, milestone:2:round:1, change-request:3, sign-off:1. */
  subject: string;
  title: string;
  details: Record<string, unknown>;
  /** The form the answer takes: accept-or-change, rating, quote-answer… */
  form: string;
  /** The options offered, for a form with a `choice`. */
  options: string[] | null;
  status: DecisionStatus;
  /** The answer as the form parsed it. */
  answer: Record<string, unknown> | null;
  /** The free text said with the answer. */
  comments: string | null;
  expiresAt: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** The body of a 4xx/5xx answer from the API. */
export interface ApiError {
  error: { code: string; message: string; fields?: { field: string; message: string }[] };
}

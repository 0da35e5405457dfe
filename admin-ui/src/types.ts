// The records the API returns, inferred from the zod schemas that describe its responses
// (api/contract/records.ts, also the response schemas of its OpenAPI document), so the UI and the
// API cannot disagree about them. Dates arrive as ISO strings.
import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type * as api from '../../api/contract/records';
import type * as savedViews from '../../api/contract/saved-views';
import type { JsonSchema } from './schemaForm/jsonSchema';

export { CUSTOMER_TICKET_CATEGORIES, KNOWLEDGE_EDITORS, ROLES, TICKET_PRIORITIES, TICKET_STATUSES, WAIT_KINDS } from '../../api/contract/records';
export type Role = api.Role;

export type JourneyStatus = (typeof api.JOURNEY_STATUSES)[number];
export type TaskStatus = (typeof api.TASK_STATUSES)[number];
export type LifecyclePhase = (typeof api.LIFECYCLE_PHASES)[number];
export type WaitKind = (typeof api.WAIT_KINDS)[number];
export type ProjectStatus = (typeof api.PROJECT_STATUSES)[number];
export type MilestoneStatus = (typeof api.MILESTONE_STATUSES)[number];
export type ChangeRequestStatus = (typeof api.CHANGE_REQUEST_STATUSES)[number];
export type InvoiceStatus = (typeof api.INVOICE_STATUSES)[number];
export type PaymentStatus = (typeof api.PAYMENT_STATUSES)[number];
export type RefundStatus = (typeof api.REFUND_STATUSES)[number];
export type DecisionStatus = (typeof api.DECISION_STATUSES)[number];
export type TicketPriority = (typeof api.TICKET_PRIORITIES)[number];
export type TicketStatus = (typeof api.TICKET_STATUSES)[number];
export type ClockName = (typeof api.CLOCK_NAMES)[number];

/** The signed-in person, from GET /api/auth/me. */
export type Identity = z.infer<typeof api.identity>;
export type User = z.infer<typeof api.user>;
export type Customer = z.infer<typeof api.customer>;
export type CustomerDetail = z.infer<typeof api.customerDetail>;
export type ClientAccount = z.infer<typeof api.clientAccount>;
export type { SearchResults } from '../../api/contract/search';
export type { SavedView, SavedViewResource } from '../../api/contract/saved-views';
export type NewSavedView = z.input<typeof savedViews.newSavedView>;
export type SavedViewChange = z.input<typeof savedViews.savedViewChange>;
export type Wait = z.infer<typeof api.wait>;
export type JourneyFields = z.infer<typeof api.journeyFields>;
export type Journey = z.infer<typeof api.journey>;
export type OpenWait = z.infer<typeof api.openWait>;
export type Inquiry = z.infer<typeof api.inquiry>;
export type Email = z.infer<typeof api.email>;
export type JourneyEvent = z.infer<typeof api.journeyEvent>;
export type JourneyDetail = z.infer<typeof api.journeyDetail>;
export type Task = z.infer<typeof api.task> & { journey?: z.infer<typeof api.taskRow>['journey'] };
export type TaskComment = z.infer<typeof api.taskDetail>['comments'][number];
export type TaskActions = z.infer<typeof api.taskActions>;
export type TaskDetail = z.infer<typeof api.taskDetail>;
/** A task type's completion form (GET /api/task-types), its JSON Schema as the form renderer reads it. */
export interface TaskType extends RaRecord<string> {
  schema: JsonSchema;
}
export type KindStage = z.infer<typeof api.kindStage>;
export type JourneyKindMap = z.infer<typeof api.journeyKind>;
export type Notification = z.infer<typeof api.notification>;
export type Quote = z.infer<typeof api.quote>;
export type Contract = z.infer<typeof api.contract>;
export type MilestoneReview = z.infer<typeof api.milestoneReview>;
export type Milestone = z.infer<typeof api.milestone>;
export type ChangeRequest = z.infer<typeof api.changeRequest>;
export type TimeEntry = z.infer<typeof api.timeEntry>;
export type InvoiceSummary = z.infer<typeof api.invoiceSummary>;
export type InvoiceLine = z.infer<typeof api.invoiceLine>;
export type InvoiceFields = z.infer<typeof api.invoiceFields>;
export type Payment = z.infer<typeof api.payment>;
export type Refund = z.infer<typeof api.refund>;
export type Invoice = z.infer<typeof api.invoice>;
export type CreditNote = z.infer<typeof api.creditNote>;
export type InvoiceRow = z.infer<typeof api.invoiceRow>;
export type Project = z.infer<typeof api.project>;
export type CustomerDecision = z.infer<typeof api.customerDecision>;
export type Ticket = z.infer<typeof api.ticket>;
export type TicketDetail = z.infer<typeof api.ticketDetail>;
export type TicketMessage = z.infer<typeof api.ticketMessage>;
/** One SLA clock of a ticket, as its journey last wrote it. */
export type ClockView = NonNullable<Ticket['clocks'][ClockName]>;
export type KnowledgeArticle = z.infer<typeof api.knowledgeArticle>;
export type ArticleSuggestion = z.infer<typeof api.articleSuggestion>;
/** The body of a 4xx/5xx answer from the API. */
export type ApiError = z.infer<typeof api.apiError>;

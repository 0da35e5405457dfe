// The records the API answers, as zod schemas of their JSON (dates as ISO strings). Pure: no
// Node or Prisma imports, so the admin UI imports these very schemas for its types (vite bundles
// them), and the OpenAPI document describes responses with them (api/openapi). Objects are loose:
// a column added to a table is not a breaking change, a declared field of the wrong type is.
import { z } from 'zod';
import { WAIT_KINDS } from '../../workflows/runtime/wait-kinds';
import { CLOCK_NAMES, clockViewSchema } from '../../workflows/support/clock-view';

export { CLOCK_NAMES, WAIT_KINDS };

export const ROLES = ['sales', 'pm', 'finance', 'support', 'support_lead', 'success', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** Who writes knowledge-base articles (every role reads them); admin holds every role. */
export const KNOWLEDGE_EDITORS = ['support', 'support_lead', 'manager'] as const satisfies readonly Role[];

const date = z.iso.datetime({ offset: true });
const nullableDate = date.nullable();
const json = z.record(z.string(), z.unknown());

export const PROJECT_STATUSES = ['PLANNING', 'ACTIVE', 'SIGNED_OFF', 'COMPLETED', 'CANCELLED'] as const;
export const MILESTONE_STATUSES = ['PLANNED', 'IN_PROGRESS', 'IN_REVIEW', 'REVISIONS_REQUESTED', 'ACCEPTED'] as const;
export const CHANGE_REQUEST_STATUSES = ['PENDING_FINANCE', 'PENDING_CUSTOMER', 'APPROVED', 'REJECTED'] as const;
/** CANCELED: its intent was cancelled at the provider when a newer request for the balance replaced it. */
export const PAYMENT_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED', 'CANCELED'] as const;
/** Only SUCCEEDED refunds count in an invoice's refundedMinor. */
export const REFUND_STATUSES = ['PENDING', 'REQUIRES_ACTION', 'SUCCEEDED', 'FAILED', 'CANCELED'] as const;
/** A form answering with a `decision` names it (ACCEPTED…); other forms' answers are ANSWERED. */
export const DECISION_STATUSES = ['OPEN', 'ACCEPTED', 'CHANGES_REQUESTED', 'APPROVED', 'DECLINED', 'ANSWERED', 'WITHDRAWN', 'EXPIRED'] as const;
export const JOURNEY_STATUSES = ['RUNNING', 'COMPLETED', 'LOST', 'CANCELLED', 'FAILED'] as const;
export const TASK_STATUSES = ['OPEN', 'COMPLETED', 'CANCELLED'] as const;
export const INVOICE_STATUSES = ['DRAFT', 'OPEN', 'PARTIALLY_PAID', 'PAID', 'VOID'] as const;
/** Seed 003's phases (api/domain/customer-lifecycle.ts derives them). */
export const LIFECYCLE_PHASES = ['PROSPECT', 'ACTIVE_LEAD', 'ONBOARDING', 'CLIENT_0_90_DAYS', 'CLIENT_90_DAYS_1_YEAR', 'ESTABLISHED', 'FORMER_CLIENT'] as const;

/** Every error: a code from api/errors.ts, a sentence, and the bad fields of a 400. */
export const apiError = z
  .object({
    error: z.looseObject({
      code: z.enum([
        'validation_failed',
        'invalid_json',
        'bad_request',
        'unauthenticated',
        'forbidden',
        'not_found',
        'request_timeout',
        'conflict',
        'payload_too_large',
        'unsupported_media_type',
        'headers_too_large',
        'rate_limited',
        'unavailable',
        'internal',
      ]),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

export const identity = z.looseObject({ id: z.string(), name: z.string(), roles: z.array(z.enum(ROLES)) }).meta({ id: 'Identity' });
export const principal = identity.extend({ kind: z.enum(['user', 'token']) }).meta({ id: 'Principal' });

export const user = z.looseObject({ id: z.uuid(), email: z.string(), name: z.string(), roles: z.array(z.enum(ROLES)), active: z.boolean(), createdAt: date }).meta({ id: 'User' });

export const session = z.object({ user: identity.extend({ email: z.string() }), token: z.string(), expiresAt: date }).meta({ id: 'Session' });

export const apiToken = z
  .looseObject({ id: z.uuid(), name: z.string(), roles: z.array(z.enum(ROLES)), createdAt: date, lastUsedAt: nullableDate, revokedAt: nullableDate })
  .meta({ id: 'ApiToken' });
/** The token itself is in the answer once, at creation. */
export const issuedApiToken = apiToken.extend({ token: z.string() }).meta({ id: 'IssuedApiToken' });

/** A customer's own columns. */
export const customerRecord = z
  .looseObject({
    id: z.uuid(),
    companyName: z.string(),
    contactName: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    /** Where the customer is taxed: ISO country code and, where rates differ, region. */
    country: z.string().nullable(),
    region: z.string().nullable(),
    /** When they became a client (their first won acquisition), if they have. */
    clientSince: nullableDate,
    createdAt: date,
    updatedAt: date,
  })
  .meta({ id: 'CustomerRecord' });

/** A customer as the customer routes answer: with the lifecycle phase as of the answer, and since when. */
export const customer = customerRecord.extend({ lifecycle: z.enum(LIFECYCLE_PHASES), lifecycleSince: date }).meta({ id: 'Customer' });

/** One thing a journey is (or was) blocked on: a row of the waiting-on index. */
export const wait = z
  .looseObject({
    id: z.string(),
    kind: z.enum(WAIT_KINDS),
    /** What unblocks it: a task id, an envelope id, a signal or timer name. */
    key: z.string(),
    description: z.string(),
    since: date,
    deadline: nullableDate.optional(),
    /** A role, `customer` or a user id. */
    unblockedBy: z.string().nullable().optional(),
    endedAt: nullableDate.optional(),
    outcome: z.string().nullable().optional(),
  })
  .meta({ id: 'Wait' });

/** What every journey answer carries. Journey ids are Temporal workflow ids: journey:<customerId>:<kind>:<n>. */
export const journeyFields = z.looseObject({
  id: z.string(),
  kind: z.string(),
  customerId: z.uuid(),
  status: z.enum(JOURNEY_STATUSES),
  stage: z.string(),
  stageSince: date,
  endReason: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  startedAt: date,
  endedAt: nullableDate,
  updatedAt: date,
  /** The journey that started this one (a delivery's acquisition, an invoice's delivery). */
  parentJourneyId: z.string().nullable(),
});

/** An end reason in parts, what it names as links (a project's delivery, an invoice, a ticket, a journey); null while running. */
const endReasonParts = z.array(z.object({ text: z.string(), link: z.object({ resource: z.enum(['journeys', 'invoices', 'tickets']), id: z.string() }).optional() })).nullable();

export const customerDetail = customer
  .extend({
    journeys: z.array(journeyFields.extend({ endReasonParts })),
    /** Its projects, newest first (a ticket may be about one; its warranty runs from the sign-off). */
    projects: z.array(z.object({ id: z.uuid(), name: z.string(), signedOffAt: nullableDate, createdAt: date })),
  })
  .meta({ id: 'CustomerDetail' });

/** A row of GET /api/journeys: with its open waits. */
export const journey = journeyFields
  .extend({ customer: z.looseObject({ companyName: z.string(), contactName: z.string() }), waits: z.array(wait) })
  .meta({ id: 'Journey' });

/** A row of GET /api/waits. */
export const openWait = wait
  .extend({ journeyId: z.string(), journey: z.looseObject({ kind: z.string(), stage: z.string(), customer: z.looseObject({ companyName: z.string() }) }) })
  .meta({ id: 'OpenWait' });

export const email = z
  .looseObject({ id: z.uuid(), to: z.string(), subject: z.string(), text: z.string(), status: z.enum(['QUEUED', 'SENT', 'OUTBOX']), createdAt: date, sentAt: nullableDate })
  .meta({ id: 'Email' });

export const task = z
  .looseObject({
    /** On the journey page, and in the inbox: who holds it, by name. */
    assignedTo: z.object({ name: z.string() }).nullable().optional(),
    id: z.uuid(),
    journeyId: z.string(),
    /** A task type id from GET /api/task-types; new journeys bring new types. */
    type: z.string(),
    title: z.string(),
    /** The queue it sits in; escalation moves it along, keeping `originalRole`. */
    role: z.string().nullable(),
    originalRole: z.string().nullable(),
    assignee: z.uuid().nullable(),
    claimedAt: nullableDate,
    status: z.enum(TASK_STATUSES),
    input: json,
    result: json.nullable(),
    dueAt: date,
    slaAt: nullableDate,
    remindedAt: nullableDate,
    escalatedAt: nullableDate,
    /** Set while its SLA clock is paused: the journey waits on the customer, and the due time moves on by the pause. */
    clockPausedAt: nullableDate,
    createdAt: date,
    completedAt: nullableDate,
    completedBy: z.string().nullable(),
    cancelledAt: nullableDate,
    cancelReason: z.string().nullable(),
  })
  .meta({ id: 'Task' });

/** A row of the inbox (GET /api/tasks). */
export const taskRow = task
  .extend({
    journey: z.looseObject({ kind: z.string(), stage: z.string(), customer: z.object({ id: z.uuid(), companyName: z.string() }) }),
  })
  .meta({ id: 'TaskRow' });

export const taskComment = z
  .looseObject({ id: z.uuid(), taskId: z.uuid(), authorId: z.uuid(), body: z.string(), createdAt: date })
  .meta({ id: 'TaskComment' });

/** What the signed-in person may do with a task now: the task page shows exactly these. */
export const taskActions = z.object({ claim: z.boolean(), unclaim: z.boolean(), assign: z.boolean(), reschedule: z.boolean(), complete: z.boolean(), comment: z.boolean() });

export const taskDetail = taskRow
  .extend({ comments: z.array(taskComment.extend({ author: z.object({ name: z.string() }) })), actions: taskActions })
  .meta({ id: 'TaskDetail' });

/** A task type's completion form, as JSON Schema. */
export const taskType = z.object({ id: z.string(), schema: json }).meta({ id: 'TaskType' });

/** One stage of a journey kind's declared map (GET /api/journey-kinds). */
export const kindStage = z.object({ id: z.string(), label: z.string(), owner: z.string(), seedPhase: z.string(), next: z.array(z.string()), ends: z.array(z.string()) });

export const journeyKind = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    workflowTypes: z.array(z.string()),
    start: z.array(z.string()),
    stages: z.array(kindStage),
    taskTypes: z.array(z.string()),
  })
  .meta({ id: 'JourneyKind' });

export const notification = z
  .looseObject({ id: z.uuid(), kind: z.string(), title: z.string(), journeyId: z.string().nullable(), taskId: z.uuid().nullable(), createdAt: date, readAt: nullableDate })
  .meta({ id: 'Notification' });

export const externalEvent = z
  .looseObject({ id: z.uuid(), source: z.string(), eventId: z.string(), type: z.string(), journeyId: z.string().nullable(), receivedAt: date, appliedAt: nullableDate })
  .meta({ id: 'ExternalEvent' });

export const timeEntry = z
  .looseObject({
    id: z.uuid(),
    projectId: z.uuid(),
    /** What it was spent on: a milestone, or a support ticket. */
    milestoneId: z.uuid().nullable(),
    ticketId: z.uuid().nullable(),
    /** Who worked: a user id. */
    userId: z.uuid(),
    /** A calendar day, as midnight UTC. */
    date,
    minutes: z.number().int(),
    /** Per hour. */
    rateMinor: z.number().int(),
    description: z.string(),
    /** The invoice that billed it; null while unbilled. */
    invoiceId: z.uuid().nullable(),
    createdAt: date,
  })
  .meta({ id: 'TimeEntry' });





export const inquiry = z.looseObject({ id: z.uuid(), projectType: z.string(), budgetRange: z.string(), timeline: z.string(), description: z.string(), receivedAt: date });

/** An entry of a journey's audit trail. New journeys bring new types: render unknown ones generically. */
export const journeyEvent = z.looseObject({
  id: z.string(),
  type: z.string(),
  /** A user id, an email (leads), or null for the journey itself. */
  actor: z.string().nullable(),
  actorName: z.string().nullable(),
  data: json,
  at: date,
});

// Money is in integer minor units (pence, cents) of a 3-letter ISO currency.
const money = z.number().int();

export const quoteLineItem = z.looseObject({ id: z.uuid(), position: z.int(), description: z.string(), quantity: z.int(), unitPriceMinor: money, totalMinor: money });

export const quote = z.looseObject({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(['DRAFT', 'IN_REVIEW', 'SENT', 'APPROVED', 'CHANGES_REQUESTED', 'DECLINED', 'SUPERSEDED', 'EXPIRED']),
  currency: z.string(),
  subtotalMinor: money,
  taxMinor: money,
  totalMinor: money,
  depositPercent: z.number(),
  billing: z.enum(['MILESTONES', 'COMPLETION']),
  summary: z.string().nullable(),
  validUntil: nullableDate,
  sentAt: nullableDate,
  decidedAt: nullableDate,
  createdAt: date,
  lineItems: z.array(quoteLineItem),
});

/** The contract made from an approved quote, and where its signature stands (its PDF: GET /api/contracts/:id/document). */
export const contract = z.looseObject({
  id: z.uuid(),
  quoteId: z.uuid(),
  status: z.enum(['DRAFT', 'SENT', 'SIGNED', 'DECLINED', 'VOIDED', 'EXPIRED']),
  /** `local` or `docusign`. */
  provider: z.string(),
  sentAt: nullableDate,
  signedAt: nullableDate,
  expiresAt: nullableDate,
  /** Why it ended unsigned: the signer's reason, a void, expiry. */
  endReason: z.string().nullable(),
  createdAt: date,
});

/** One round of a milestone: what the team submitted and what the customer answered. */
export const milestoneReview = z.looseObject({
  id: z.uuid(),
  round: z.number().int(),
  summary: z.string(),
  /** Null while the customer has not answered. */
  decision: z.enum(['accepted', 'revisions']).nullable(),
  comments: z.string().nullable(),
  submittedAt: date,
  decidedAt: nullableDate,
});

export const milestone = z.looseObject({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  /** In the project's currency (its quote's). */
  amountMinor: money,
  dueAt: date,
  status: z.enum(MILESTONE_STATUSES),
  submittedAt: nullableDate,
  acceptedAt: nullableDate,
  reviews: z.array(milestoneReview),
});

export const changeRequest = z
  .looseObject({
    id: z.uuid(),
    number: z.number().int(),
    title: z.string(),
    description: z.string(),
    costMinor: money,
    days: z.number().int(),
    status: z.enum(CHANGE_REQUEST_STATUSES),
    /** A user id. */
    raisedBy: z.string(),
    financeNotes: z.string().nullable(),
    customerComments: z.string().nullable(),
    /** The quote version an approved change created. */
    quoteVersion: z.number().int().nullable(),
    milestoneId: z.uuid().nullable(),
    invoiceId: z.uuid().nullable(),
    createdAt: date,
    decidedAt: nullableDate,
  })
  .meta({ id: 'ChangeRequest' });

/** What a project lists of its invoices: the figures, not the lines. */
export const invoiceSummary = z.looseObject({
  id: z.uuid(),
  number: z.string(),
  /** deposit, milestone, final… */
  kind: z.string(),
  status: z.enum(INVOICE_STATUSES),
  /** The billing journey that issues it and collects it (the acquisition, for a deposit). */
  journeyId: z.string(),
  totalMinor: money,
  /** Received so far, refunds not deducted: what is owed is totalMinor - paidMinor - creditedMinor. */
  paidMinor: money,
  refundedMinor: money,
  /** Taken off by credit notes. */
  creditedMinor: money,
  currency: z.string(),
  dueAt: nullableDate,
});

export const invoiceLine = z.looseObject({
  id: z.uuid(),
  position: z.number().int(),
  /** milestone, change-order, time, deposit-credit, late-fee… */
  kind: z.string(),
  description: z.string(),
  amountMinor: money,
});

export const invoiceFields = invoiceSummary.extend({
  customerId: z.uuid(),
  projectId: z.uuid().nullable(),
  milestoneId: z.uuid().nullable(),
  /** The taxable work; the total adds the tax, then credits and fees. */
  subtotalMinor: money,
  taxMinor: money,
  /** 2000 = 20%. */
  taxRateBps: z.number().int(),
  issuedAt: nullableDate,
  paidAt: nullableDate,
  lateFeeAt: nullableDate,
  createdAt: date,
  lines: z.array(invoiceLine),
});

export const payment = z.looseObject({
  id: z.uuid(),
  provider: z.string(),
  providerPaymentId: z.string().nullable(),
  amountMinor: money,
  currency: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  paidAt: nullableDate,
  createdAt: date,
});

export const refund = z.looseObject({
  id: z.uuid(),
  paymentId: z.uuid().nullable(),
  provider: z.string(),
  providerRefundId: z.string(),
  amountMinor: money,
  currency: z.string(),
  reason: z.string().nullable(),
  status: z.enum(REFUND_STATUSES),
  createdAt: date,
});

/** A credit note finance issued against an invoice (POST /api/invoices/:id/credit-notes). */
export const creditNote = z
  .looseObject({
    id: z.uuid(),
    /** CN-<invoice number>-<n>. */
    number: z.string(),
    invoiceId: z.uuid(),
    amountMinor: money,
    currency: z.string(),
    reason: z.string(),
    /** The user (or API token) who issued it. */
    issuedBy: z.string(),
    issuedAt: date,
    /** When the invoice's journey took it (the balance it waits on, the customer's email). */
    appliedAt: nullableDate,
  })
  .meta({ id: 'CreditNote' });

/** An invoice on its journey's page. */
export const invoice = invoiceFields.extend({ payments: z.array(payment), refunds: z.array(refund), creditNotes: z.array(creditNote) });

/** A row of GET /api/invoices (finance, managers). */
export const invoiceRow = invoiceFields
  .extend({ customer: z.looseObject({ companyName: z.string() }), /** totalMinor - paidMinor - creditedMinor. */ balanceMinor: money })
  .meta({ id: 'InvoiceRow' });

/** GET /api/invoices/:id: the row with the money that moved against it. */
export const invoiceDetail = invoiceRow
  .extend({ payments: z.array(payment), refunds: z.array(refund), creditNotes: z.array(creditNote) })
  .meta({ id: 'InvoiceDetail' });

export const project = z.looseObject({
  id: z.uuid(),
  /** The acquisition journey that won it. */
  journeyId: z.string(),
  /** The delivery journey that runs it, once started. */
  deliveryJourneyId: z.string().nullable(),
  quoteId: z.uuid(),
  name: z.string(),
  /** Of every amount in the project (its quote's). */
  currency: z.string(),
  status: z.enum(PROJECT_STATUSES),
  team: z.array(z.looseObject({ name: z.string(), role: z.string() })),
  kickoffAt: nullableDate,
  signedOffAt: nullableDate,
  handedOverAt: nullableDate,
  /** When everything invoiced was paid. */
  closedAt: nullableDate,
  createdAt: date,
  milestones: z.array(milestone),
  changeRequests: z.array(changeRequest),
  timeEntries: z.array(timeEntry),
  invoices: z.array(invoiceSummary),
});

/** Something the customer was asked to decide through a signed link. */
export const customerDecision = z.looseObject({
  id: z.uuid(),
  /** Unique within the journey: plan:1, milestone:2:round:1, change-request:3, sign-off:1. */
  subject: z.string(),
  title: z.string(),
  details: json,
  /** The form the answer takes: accept-or-change, rating, quote-answer… */
  form: z.string(),
  /** The options offered, for a form with a `choice`. */
  options: z.array(z.string()).nullable(),
  status: z.enum(DECISION_STATUSES),
  /** The answer as the form parsed it. */
  answer: json.nullable(),
  /** The free text said with the answer. */
  comments: z.string().nullable(),
  expiresAt: nullableDate,
  decidedAt: nullableDate,
  createdAt: date,
});

/** A journey in full: its records, what it waits on now and its audit trail (GET /api/journeys/:id). */
export const journeyDetail = journeyFields
  .extend({
    /** Null for the first moments of a journey, before its first activity has written its rows. */
    customer: customerRecord.nullable(),
    inquiries: z.array(inquiry),
    /** Every version an acquisition drafted, with its lines; other journeys have none. */
    quotes: z.array(quote),
    /** The contracts an acquisition sent, oldest first. */
    contracts: z.array(contract),
    /** The journey's own invoices, in full (for their readers: finance, managers). */
    invoices: z.array(invoice),
    /** What the journey asked the customer to decide. */
    decisions: z.array(customerDecision),
    endReasonParts,
    /** The project the journey won (acquisition), runs (delivery) or bills (billing). */
    project: project.nullable(),
    tasks: z.array(task),
    /** Every wait, ended ones included. */
    waits: z.array(wait),
    emails: z.array(email),
    /** What it waits on now. */
    waitingOn: z.array(wait),
    /** False when the workflow did not answer the state query: waitingOn then comes from the index. */
    live: z.boolean(),
    /** The workflow in the Temporal Web UI: for managers (and admins) only, null for others. */
    temporalUiUrl: z.string().nullable(),
    /** For outside systems correlating their own events with this journey. */
    envelopeId: z.string().nullable(),
    paymentIntentId: z.string().nullable(),
    /** What providers sent about it (for managers). */
    externalEvents: z.array(externalEvent),
    history: z.array(journeyEvent),
    /** The journeys this one started. */
    children: z.array(z.object({ id: z.string(), kind: z.string(), status: z.enum(JOURNEY_STATUSES) })),
  })
  .meta({ id: 'JourneyDetail' });

/** A knowledge-base article (api/support/knowledge.ts). */
export const knowledgeArticle = z
  .looseObject({
    id: z.uuid(),
    title: z.string(),
    /** Plain text or light markdown: show it as text, never as HTML. */
    body: z.string(),
    /** A ticket category ("billing", "technical", …), lower case; null: general, suggested in every category. */
    category: z.string().nullable(),
    /** Only published articles are suggested. */
    published: z.boolean(),
    /** The user (or API token) who created it, and who changed it last. */
    createdBy: z.string(),
    updatedBy: z.string(),
    createdAt: date,
    updatedAt: date,
  })
  .meta({ id: 'KnowledgeArticle' });

/** A published article suggested for what someone typed, best first. */
export const articleSuggestion = z
  .object({
    id: z.uuid(),
    title: z.string(),
    category: z.string().nullable(),
    /** PostgreSQL's ts_rank: higher is better (a match in the title counts more than one in the body). */
    rank: z.number(),
    /** A short passage of the body as plain-text parts, `match` on the words searched for: render each as text. */
    excerpt: z.array(z.object({ text: z.string(), match: z.boolean() })),
  })
  .meta({ id: 'ArticleSuggestion' });

/** POST /api/leads. */
export const leadReceived = z.object({ customerId: z.uuid(), journeyId: z.string() }).meta({ id: 'LeadReceived' });

/** What a customer link's page answers as JSON: a loose record (each page's fields are its own). */
export const customerPageJson = z.looseObject({}).meta({ id: 'CustomerPage' });

export const TICKET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
/** What a customer may file a ticket under (staff and systems may use their own categories). */
export const CUSTOMER_TICKET_CATEGORIES = ['question', 'technical', 'billing', 'account', 'project', 'other'] as const;
/** The journey's stages a ticket goes through (workflows/support/stages.ts). */
export const TICKET_STATUSES = ['new', 'open', 'waiting-on-customer', 'resolved', 'closed'] as const;

/** A row of GET /api/tickets: the ticket with its SLA clocks as its journey last wrote them. */
export const ticket = z
  .looseObject({
    id: z.uuid(),
    number: z.number().int(),
    journeyId: z.string(),
    customerId: z.uuid(),
    projectId: z.uuid().nullable(),
    subject: z.string(),
    category: z.string(),
    priority: z.enum(TICKET_PRIORITIES),
    status: z.string(),
    queue: z.string(),
    assigneeId: z.uuid().nullable(),
    /** "customer", a staff user's id or an API token's id; through `channel`: customer-link, staff or api. */
    raisedBy: z.string(),
    channel: z.string(),
    billable: z.boolean(),
    warrantyEndsAt: nullableDate,
    /** Each SLA clock the ticket has had so far, by name; next response only once the customer wrote back. */
    clocks: z.partialRecord(z.enum(CLOCK_NAMES), clockViewSchema),
    nextBreachAt: nullableDate,
    firstResponseMinutes: z.number().int().nullable(),
    resolutionMinutes: z.number().int().nullable(),
    breaches: z.number().int(),
    closedAt: nullableDate,
    closeReason: z.string().nullable(),
    /** A duplicate's ticket it was merged into. */
    mergedIntoId: z.uuid().nullable(),
    satisfaction: z.number().int().nullable(),
    createdAt: date,
    customer: z.looseObject({ id: z.uuid(), companyName: z.string() }),
  })
  .meta({ id: 'Ticket' });

export const ticketMessage = z
  .looseObject({ id: z.uuid(), author: z.string(), authorName: z.string(), internal: z.boolean(), body: z.string(), createdAt: date })
  .meta({ id: 'TicketMessage' });

/** GET /api/tickets/:id: the ticket, its description and its conversation (internal notes included). */
export const ticketAttachment = z
  .looseObject({ id: z.uuid(), filename: z.string(), contentType: z.string(), size: z.number().int(), uploadedBy: z.string(), createdAt: date })
  .meta({ id: 'TicketAttachment' });

export const ticketDetail = ticket
  .extend({
    description: z.string(),
    messages: z.array(ticketMessage),
    attachments: z.array(ticketAttachment),
    /** Time worked on it: billed when it closes if it is billable. */
    timeEntries: z.array(timeEntry),
    /** The project it is about (its currency is the time's), and the delivery journey that ran it. */
    project: z.looseObject({ id: z.uuid(), name: z.string(), deliveryJourneyId: z.string().nullable(), signedOffAt: nullableDate, currency: z.string() }).nullable(),
    /** The customer's context: their other tickets and their latest invoices, newest first (five of each). */
    otherTickets: z.array(z.looseObject({ id: z.uuid(), number: z.number().int(), subject: z.string(), status: z.string(), createdAt: date })),
    recentInvoices: z.array(
      z.looseObject({ id: z.uuid(), number: z.string(), journeyId: z.string(), status: z.string(), currency: z.string(), totalMinor: z.number().int(), paidMinor: z.number().int(), creditedMinor: z.number().int(), dueAt: nullableDate }),
    ),
    /** The invoice that billed its time, once it closed. */
    invoice: z.looseObject({ id: z.uuid(), number: z.string(), journeyId: z.string(), status: z.string(), currency: z.string(), totalMinor: z.number().int() }).nullable(),
  })
  .meta({ id: 'TicketDetail' });

/** What an Update on a ticket answers: where the ticket is now. */
export const ticketStatus = z.object({ status: z.string() }).meta({ id: 'TicketStatus' });

/** One check-in of a client's cadence, due, then held (with what the owner recorded) or missed. */
export const checkIn = z
  .looseObject({
    id: z.uuid(),
    kind: z.enum(['check-in', 'quarterly-review', 'annual-review']),
    dueAt: date,
    status: z.enum(['DUE', 'HELD', 'MISSED']),
    heldAt: nullableDate,
    channel: z.string().nullable(),
    sentiment: z.string().nullable(),
    notes: z.string().nullable(),
    issuesRaised: z.array(z.string()),
    opportunitiesFound: z.array(z.string()),
    referralAsked: z.boolean(),
    /** The annual survey's answer (0-10). */
    nps: z.number().int().nullable(),
    npsComment: z.string().nullable(),
  })
  .meta({ id: 'CheckIn' });

/** A signed contract's term: a long-term contract has a last day, and a renewal before it (workflows/retention/renewals.ts). */
export const contractTerm = z
  .object({
    id: z.uuid(),
    journeyId: z.string(),
    signedAt: nullableDate,
    /** The last day (YYYY-MM-DD), or null. */
    endsOn: z.string().nullable(),
    /** Each renewal's outcome, latest first: RENEWED (with the new last day), NOT_RENEWED or LAPSED. */
    renewals: z.array(z.object({ endsOn: z.string(), outcome: z.enum(['RENEWED', 'NOT_RENEWED', 'LAPSED']), newEndsOn: z.string().nullable(), notes: z.string().nullable(), decidedAt: date })),
  })
  .meta({ id: 'ContractTerm' });
export type ContractTerm = z.infer<typeof contractTerm>;

/** A client's account with customer success: owner, cadence, health with each input, the check-ins. */
export const clientAccount = z
  .looseObject({
    customerId: z.uuid(),
    journeyId: z.string(),
    /** The retention journey's stage: onboarding, first-90-days, first-year, established. */
    stage: z.string(),
    status: z.string(),
    owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    earlyCadence: z.enum(['biweekly', 'monthly']),
    onboardedAt: nullableDate,
    health: z
      .object({
        score: z.number().int(),
        atRisk: z.boolean(),
        /** The score below which an account is at risk. */
        threshold: z.number().int(),
        at: date,
        /** Each signal, what it was and the points it took off (workflows/retention/health.ts). */
        inputs: z.array(z.object({ input: z.string(), value: z.union([z.number(), z.string()]).nullable(), penalty: z.number().int(), maxPenalty: z.number().int() })),
      })
      .nullable(),
    nextCheckIn: z.object({ kind: z.string(), dueAt: date }).nullable(),
    /** The latest first (at most 20). */
    checkIns: z.array(checkIn),
    contacts: z.array(z.object({ name: z.string(), email: z.string() })),
    endedAt: nullableDate,
    endReason: z.string().nullable(),
    /** The code the client hands on; null until customer success issues one. */
    referralCode: z.string().nullable(),
    /** The leads sent with it, latest first (at most 20); `won`: that customer became a client. */
    referrals: z.array(z.object({ journeyId: z.string(), companyName: z.string(), receivedAt: date, status: z.string(), won: z.boolean() })),
    /** Their words we may publish, under the name they gave (their consent), latest first (at most 20). */
    testimonials: z.array(z.object({ wording: z.string(), attribution: z.string(), consentAt: date })),
    /** New projects opened with the client (acquisition journeys, children of this account's), latest first (at most 20). */
    repeatBusiness: z.array(z.object({ journeyId: z.string(), projectType: z.string(), startedAt: date, stage: z.string(), status: z.string() })),
    /** Their signed contracts (at most 20, latest signed first), each with its last day and renewals. */
    contracts: z.array(contractTerm),
  })
  .meta({ id: 'ClientAccount' });

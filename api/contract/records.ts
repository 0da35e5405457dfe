// The records the API answers, as zod schemas of their JSON (dates as ISO strings). Pure: no
// Node or Prisma imports, so the admin UI imports these very schemas for its types (vite bundles
// them), and the OpenAPI document describes responses with them (api/openapi). Objects are loose:
// a column added to a table is not a breaking change, a declared field of the wrong type is.
import { z } from 'zod';
import { WAIT_KINDS } from '../../workflows/runtime/wait-kinds';

export { WAIT_KINDS };

export const ROLES = ['sales', 'pm', 'finance', 'support', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const date = z.iso.datetime({ offset: true });
const nullableDate = date.nullable();
const json = z.record(z.string(), z.unknown());

export const JOURNEY_STATUSES = ['RUNNING', 'COMPLETED', 'LOST', 'CANCELLED', 'FAILED'] as const;
export const TASK_STATUSES = ['OPEN', 'COMPLETED', 'CANCELLED'] as const;
export const INVOICE_STATUSES = ['DRAFT', 'OPEN', 'PARTIALLY_PAID', 'PAID', 'VOID'] as const;
/** Seed 003's phases (api/domain/customer-lifecycle.ts derives them). */
export const LIFECYCLE_PHASES = ['PROSPECT', 'ACTIVE_LEAD', 'ONBOARDING', 'CLIENT_0_90_DAYS', 'CLIENT_90_DAYS_1_YEAR', 'ESTABLISHED', 'FORMER_CLIENT'] as const;

/** Every error: a code from api/errors.ts, a sentence, and the bad fields of a 400. */
export const apiError = z
  .object({
    error: z.looseObject({
      code: z.enum(['validation_failed', 'invalid_json', 'bad_request', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'payload_too_large', 'unsupported_media_type', 'unavailable', 'internal']),
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

export const customerDetail = customer.extend({ journeys: z.array(journeyFields) }).meta({ id: 'CustomerDetail' });

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
    assignedTo: z.object({ name: z.string() }).nullable(),
    journey: z.looseObject({ kind: z.string(), stage: z.string(), customer: z.object({ id: z.uuid(), companyName: z.string() }) }),
  })
  .meta({ id: 'TaskRow' });

export const taskComment = z
  .looseObject({ id: z.uuid(), taskId: z.uuid(), authorId: z.uuid(), body: z.string(), createdAt: date })
  .meta({ id: 'TaskComment' });

/** What the signed-in person may do with a task now: the task page shows exactly these. */
export const taskActions = z.object({ claim: z.boolean(), unclaim: z.boolean(), assign: z.boolean(), complete: z.boolean(), comment: z.boolean() });

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
    milestoneId: z.uuid(),
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

export const changeRequest = z
  .looseObject({
    id: z.uuid(),
    number: z.number().int(),
    title: z.string(),
    description: z.string(),
    costMinor: z.number().int(),
    days: z.number().int(),
    status: z.enum(['PENDING_FINANCE', 'PENDING_CUSTOMER', 'APPROVED', 'REJECTED']),
    raisedBy: z.string(),
    createdAt: date,
  })
  .meta({ id: 'ChangeRequest' });

export const invoiceLine = z.looseObject({ id: z.uuid(), position: z.number().int(), kind: z.string(), description: z.string(), amountMinor: z.number().int() });

/** Money is in integer minor units (pence, cents) of a 3-letter ISO currency. */
export const invoiceFields = z.looseObject({
  id: z.uuid(),
  number: z.string(),
  kind: z.string(),
  status: z.enum(INVOICE_STATUSES),
  journeyId: z.string(),
  customerId: z.uuid(),
  projectId: z.uuid().nullable(),
  currency: z.string(),
  subtotalMinor: z.number().int(),
  taxMinor: z.number().int(),
  taxRateBps: z.number().int(),
  totalMinor: z.number().int(),
  /** Received so far, refunds not deducted: what is owed is totalMinor - paidMinor. */
  paidMinor: z.number().int(),
  refundedMinor: z.number().int(),
  dueAt: nullableDate,
  issuedAt: nullableDate,
  paidAt: nullableDate,
  createdAt: date,
  lines: z.array(invoiceLine),
});

/** A row of GET /api/invoices (finance, managers). */
export const invoiceRow = invoiceFields
  .extend({ customer: z.object({ companyName: z.string() }), balanceMinor: z.number().int() })
  .meta({ id: 'InvoiceRow' });

/** A journey in full: its records, what it waits on now and its audit trail (GET /api/journeys/:id). */
export const journeyDetail = journeyFields
  .extend({
    /** Null for the first moments of a journey, before its first activity has written its rows. */
    customer: customerRecord.nullable(),
    tasks: z.array(task),
    waits: z.array(wait),
    waitingOn: z.array(wait),
    /** False when the workflow did not answer the state query: waitingOn then comes from the index. */
    live: z.boolean(),
    temporalUiUrl: z.string(),
    history: z.array(z.looseObject({ id: z.string(), type: z.string(), actor: z.string().nullable(), data: z.unknown(), at: date })),
    children: z.array(z.object({ id: z.string(), kind: z.string(), status: z.enum(JOURNEY_STATUSES) })),
  })
  .meta({ id: 'JourneyDetail' });

/** POST /api/leads. */
export const leadReceived = z.object({ customerId: z.uuid(), journeyId: z.string() }).meta({ id: 'LeadReceived' });

/** What a customer link's page answers as JSON: a loose record (each page's fields are its own). */
export const customerPageJson = z.looseObject({}).meta({ id: 'CustomerPage' });

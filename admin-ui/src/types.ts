// The records the API returns (see api/routes). Dates arrive as ISO strings.
import type { RaRecord } from 'react-admin';
import type { JsonSchema } from './schemaForm/jsonSchema';

export const ROLES = ['sales', 'pm', 'finance', 'support', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type JourneyStatus = 'RUNNING' | 'COMPLETED' | 'LOST' | 'CANCELLED' | 'FAILED';
export type TaskStatus = 'OPEN' | 'COMPLETED' | 'CANCELLED';
export type CustomerStatus = 'LEAD' | 'PROSPECT' | 'CLIENT' | 'LOST';

/** The signed-in person, from GET /api/auth/me. */
export interface Identity {
  id: string;
  name: string;
  roles: Role[];
}

export interface User extends RaRecord<string> {
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
}

export interface Customer extends RaRecord<string> {
  companyName: string;
  contactName: string;
  email: string;
  phone: string | null;
  status: CustomerStatus;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerDetail extends Customer {
  journeys: JourneyFields[];
}

export const WAIT_KINDS = ['task', 'signature', 'payment', 'approval', 'timer', 'signal'] as const;
export type WaitKind = (typeof WAIT_KINDS)[number];

/** One thing a journey is (or was) blocked on: a row of the waiting-on index. */
export interface Wait {
  id: string;
  kind: WaitKind;
  /** What unblocks it: a task id, an envelope id, a signal or timer name. */
  key: string;
  description: string;
  since: string;
  deadline?: string | null;
  /** A role, `customer` or a user id. */
  unblockedBy?: string | null;
  endedAt?: string | null;
  outcome?: string | null;
}

/** What every journey answer carries. Journey ids are Temporal workflow ids: journey:<customerId>:<kind>:<n>. */
export interface JourneyFields extends RaRecord<string> {
  kind: string;
  customerId: string;
  status: JourneyStatus;
  stage: string;
  stageSince: string;
  endReason: string | null;
  cancelledBy: string | null;
  startedAt: string;
  endedAt: string | null;
  updatedAt: string;
}

/** A row of GET /api/journeys. */
export interface Journey extends JourneyFields {
  customer: Pick<Customer, 'companyName' | 'contactName'>;
  /** Its open waits. */
  waits: Wait[];
}

/** A row of GET /api/waits. */
export interface OpenWait extends Wait, RaRecord<string> {
  journeyId: string;
  journey: { kind: string; stage: string; customer: { companyName: string } };
}

export interface Inquiry {
  id: string;
  projectType: string;
  budgetRange: string;
  timeline: string;
  description: string;
  receivedAt: string;
}

export interface Email {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: 'QUEUED' | 'SENT' | 'OUTBOX';
  createdAt: string;
  sentAt: string | null;
}

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
  customer: Customer | null;
  inquiries: Inquiry[];
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
export interface TaskActions {
  claim: boolean;
  unclaim: boolean;
  assign: boolean;
  complete: boolean;
  comment: boolean;
}

export interface TaskDetail extends Task {
  comments: TaskComment[];
  actions: TaskActions;
}

export interface TaskType extends RaRecord<string> {
  schema: JsonSchema;
}

export interface Notification extends RaRecord<string> {
  kind: string;
  title: string;
  journeyId: string | null;
  taskId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The body of a 4xx/5xx answer from the API. */
export interface ApiError {
  error: { code: string; message: string; fields?: { field: string; message: string }[] };
}

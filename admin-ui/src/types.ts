// The records the API returns (see api/routes). Dates arrive as ISO strings.
import type { RaRecord } from 'react-admin';

export type JourneyStatus = 'RUNNING' | 'COMPLETED' | 'LOST' | 'CANCELLED' | 'FAILED';
export type TaskStatus = 'OPEN' | 'COMPLETED' | 'CANCELLED';
export type CustomerStatus = 'LEAD' | 'PROSPECT' | 'CLIENT' | 'LOST';

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
  journeys: Omit<Journey, 'customer'>[];
}

/** Journey ids are Temporal workflow ids: journey:<customerId>:<kind>:<n>. */
export interface Journey extends RaRecord<string> {
  kind: string;
  customerId: string;
  status: JourneyStatus;
  stage: string;
  stageSince: string;
  endReason: string | null;
  startedAt: string;
  endedAt: string | null;
  updatedAt: string;
  customer: Pick<Customer, 'companyName' | 'contactName'>;
}

export interface Inquiry {
  id: string;
  projectType: string;
  budgetRange: string;
  timeline: string;
  description: string;
  receivedAt: string;
}

export interface Wait {
  kind: 'task' | 'signal' | 'timer';
  key: string;
  description: string;
  since: string;
  deadline?: string;
  unblockedBy?: string;
}

export type JourneyEventType =
  | 'lead_received'
  | 'stage_entered'
  | 'task_created'
  | 'task_completed'
  | 'task_overdue'
  | 'journey_ended';

export interface JourneyEvent {
  id: string;
  type: JourneyEventType;
  actor: string | null;
  data: Record<string, unknown>;
  at: string;
}

export interface JourneyDetail extends Omit<Journey, 'customer'> {
  /** Null for the first moments of a journey, before its first activity has written its rows. */
  customer: Customer | null;
  inquiries: Inquiry[];
  tasks: Task[];
  waitingOn: Wait[];
  /** False when the workflow did not answer the state query: waitingOn is then unknown. */
  live: boolean;
  history: JourneyEvent[];
}

export interface Task extends RaRecord<string> {
  journeyId: string;
  /** 'follow-up-call' | 'discovery-meeting' today; new journeys bring new types. */
  type: string;
  title: string;
  role: string | null;
  assignee: string | null;
  status: TaskStatus;
  input: Record<string, unknown>;
  result: Record<string, unknown> | null;
  dueAt: string;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
}

/** The body of a 4xx/5xx answer from the API. */
export interface ApiError {
  error: { code: string; message: string; fields?: { field: string; message: string }[] };
}

// The retention journey's contract with the delivery journeys that hand customers over and with the
// API: its input (with what a run hands the next), the hand-over signal, and the Updates a manager
// or an account owner sends. Free of I/O: the workflow, the API and tests import it.
import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { JourneySnapshot } from '../runtime/journey';
import type { EarlyCadence } from './cadence';

/** A signed-off project handed to customer success. */
export type HandOver = { projectId: string; deliveryJourneyId: string };

export type StaffMember = { id: string; name: string };

export type EndRelationship = { reason: string; by: StaffMember };

/** What one run hands the next besides the runtime's snapshot (the journey's own place). */
export type RetentionCarried = {
  /** The due time (ISO) of the last check-in the journey held or missed: the schedule goes on after it. */
  lastDueAt?: string;
  held: number;
  missed: number;
  /** Hand-overs signalled and not yet recorded. */
  handOvers: HandOver[];
  /** The last assessment found the account at risk (an at-risk review opens when it becomes so). */
  atRisk: boolean;
  /** When the client was last asked to advocate (a referral, a testimonial): asked again only after a while. */
  advocacyAskedAt?: string;
  /** A moment that earned the ask, not yet acted on (the loop asks at its top, if not asked lately). */
  earned?: AdvocacyMoment;
  /** The ask under way beside the loop (its occasion): the next run follows it again. */
  asking?: string;
  ending?: EndRelationship;
};

export type RetentionInput = {
  journeyId: string;
  customerId: string;
  /** The hand-over that started the journey. */
  handOver: HandOver;
  /** History events a run may grow to before it continues as new (default: the runtime's). */
  historyLimit?: number;
  carried?: RetentionCarried;
  resume?: JourneySnapshot;
};

/** Another project of the customer's was signed off while the journey runs (from its delivery journey). */
export const projectHandedOverSignal = defineSignal<[HandOver]>('projectHandedOver');

/** A moment that earns asking the client to refer us: a project signed off, a ticket rated 5 of 5 (`ref`: the project or ticket). */
export type AdvocacyMoment = { moment: 'sign-off' | 'top-rating'; ref: string };
export const advocacyEarnedSignal = defineSignal<[AdvocacyMoment]>('advocacyEarned');

/** A contract of the customer's was given a last day, or a new one: the journey works out its renewals again. */
export const contractsChangedSignal = defineSignal('contractsChanged');

/** A manager assigns the account owner; the owner or a manager changes the first 90 days' cadence. */
export type AccountChange = { ownerId?: string | null; earlyCadence?: EarlyCadence; by: StaffMember };
export const changeAccountUpdate = defineUpdate<{ ownerId: string | null; earlyCadence: EarlyCadence }, [AccountChange]>('changeAccount');

/** A manager records that the customer leaves, and why: the journey ends LOST (a former client). */
export const endRelationshipUpdate = defineUpdate<{ status: 'ending' }, [EndRelationship]>('endRelationship');

// All activities, wired to their dependencies. The worker registers what this returns.
import type { Db } from '../platform/db';
import { createJourneyRecordActivities } from './journey-records';
import { createLeadActivities } from './leads';

export type ActivityDeps = { db: Db };

export function createActivities(deps: ActivityDeps) {
  return { ...createJourneyRecordActivities(deps), ...createLeadActivities(deps) };
}

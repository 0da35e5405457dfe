// Seed 000, customer journey 1 — acquisition. This first version covers phases 1-2: the
// contact form becomes a lead, sales follows up within a day, and a discovery meeting qualifies
// the lead (or the lead is lost with a reason). Proposal, contract and deposit follow.
import { proxyActivities } from '@temporalio/workflow';
import type { LeadActivities } from '../activities/leads';
import type { AcquisitionInput, JourneyResult } from './definitions';
import { JourneyRuntime, recordActivityOptions } from './primitives/journey';

const leads = proxyActivities<LeadActivities>(recordActivityOptions);

const HOUR = 60 * 60 * 1000;
const DISCOVERY_DUE_MS = 7 * 24 * HOUR;

export async function acquisitionJourney(input: AcquisitionInput): Promise<JourneyResult> {
  const journey = new JourneyRuntime(input.journeyId);
  const { inquiry } = input;

  return journey.run(async () => {
    await leads.recordLead(input);
    await journey.enterStage('inquiry');
    const followUp = await journey.humanTask({
      type: 'follow-up-call',
      title: `Call ${inquiry.contactName} at ${inquiry.companyName}`,
      role: 'sales',
      dueInMs: input.followUpDueHours * HOUR,
      input: { inquiry },
    });
    if (followUp.outcome === 'disqualified') {
      return journey.end('LOST', followUp.disqualifiedReason ?? 'Disqualified at follow-up');
    }

    await journey.enterStage('discovery');
    await journey.humanTask({
      type: 'discovery-meeting',
      title: `Discovery meeting with ${inquiry.companyName}`,
      role: 'sales',
      dueInMs: DISCOVERY_DUE_MS,
      input: { inquiry, followUpNotes: followUp.notes },
    });

    await journey.enterStage('qualified');
    return journey.end('COMPLETED', 'Discovery complete: qualified for a proposal');
  });
}

// Seed 000, customer journey 1 — acquisition. This version covers phases 1-2: the contact form
// becomes a lead and gets a welcome email; the lead is routed to a salesperson by project type (or
// to the sales queue), who follows up within a day; a discovery meeting qualifies the lead (or
// the lead is lost with a reason). Proposal, contract and deposit follow.
import { proxyActivities } from '@temporalio/workflow';
import type { EmailActivities } from '../activities/email';
import type { LeadActivities } from '../activities/leads';
import type { AcquisitionInput, JourneyResult } from './definitions';
import { JourneyRuntime, recordActivityOptions } from './primitives/journey';

const leads = proxyActivities<LeadActivities>(recordActivityOptions);
// Mail relays can be down for a while: keep trying, with backoff, for up to a day.
const mail = proxyActivities<EmailActivities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

const HOUR = 60 * 60 * 1000;
const DISCOVERY_DUE_MS = 7 * 24 * HOUR;

export async function acquisitionJourney(input: AcquisitionInput): Promise<JourneyResult> {
  const journey = new JourneyRuntime(input.journeyId);
  const { inquiry } = input;

  return journey.run(async () => {
    await leads.recordLead(input);
    await journey.enterStage('inquiry');
    const rep = await leads.routeLead(inquiry.projectType);
    await mail.sendEmail({
      key: `${input.journeyId}:welcome`,
      journeyId: input.journeyId,
      to: inquiry.email,
      template: 'welcome',
      data: { contactName: inquiry.contactName, companyName: inquiry.companyName, repName: rep?.name },
    });
    const followUp = await journey.humanTask({
      type: 'follow-up-call',
      title: `Call ${inquiry.contactName} at ${inquiry.companyName}`,
      role: 'sales',
      assignee: rep?.userId,
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

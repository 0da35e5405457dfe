// Seed 000, customer journey 1 — acquisition, phases 1-5: the contact form
// becomes a lead and gets a welcome email; the lead is routed to a salesperson by project type (or
// to the sales queue), who follows up within a day; a discovery meeting qualifies the lead (or
// the lead is lost with a reason); then the proposal (proposal.ts) and the contract,
// signature and deposit (contract.ts); a won journey starts the delivery journey (workflows/delivery/).
import { ParentClosePolicy, patched, proxyActivities, startChild } from '@temporalio/workflow';
import type { EmailActivities } from '../../activities/runtime/email';
import type { LeadActivities } from '../../activities/acquisition/leads';
import { journeyIdParts, journeyWorkflowId, type AcquisitionInput, type JourneyResult } from '../runtime/definitions';
import { deliveryJourney } from '../delivery/workflow';
import { JourneyRuntime, mailActivityOptions, recordActivityOptions } from '../runtime/journey';
import { contractPhase } from './contract';
import { proposalPhase } from './proposal';
import { acquisitionStages } from './stages';

const leads = proxyActivities<LeadActivities>(recordActivityOptions);
const mail = proxyActivities<EmailActivities>(mailActivityOptions);

const HOUR = 60 * 60 * 1000;
const DISCOVERY_DUE_MS = 7 * 24 * HOUR;

export async function acquisitionJourney(input: AcquisitionInput): Promise<JourneyResult> {
  const journey = new JourneyRuntime(input.journeyId, acquisitionStages);
  const { inquiry } = input;

  return journey.run(async () => {
    await leads.recordLead(input);
    // Repeat business (only new runs carry `repeat`, so earlier histories replay as before): the
    // client is known, so no welcome and no follow-up call; the discovery meeting goes to the
    // salesperson for the project type, as a lead's follow-up does.
    if (input.repeat) {
      await journey.enterStage('discovery');
      const rep = await leads.routeLead(inquiry.projectType);
      const followUpNotes = `Repeat business from a ${input.repeat.source} with a current client.`;
      const discovery = await journey.humanTask({
        type: 'discovery-meeting',
        title: `Discovery meeting with ${inquiry.companyName} (repeat business)`,
        role: 'sales',
        assignee: rep?.userId,
        dueInMs: DISCOVERY_DUE_MS,
        input: { inquiry, followUpNotes },
      });
      return decideAndContract(discovery);
    }
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
    // The salesperson who qualified the lead meets the customer (TASK_HANDOVER can send it to the
    // queue instead). Added after journeys had reached discovery without it: those replay as they ran.
    const holder = patched('discovery-stays-with-qualifier')
      ? await leads.handoverTo({ taskType: 'discovery-meeting', role: 'sales', previous: journey.completedBy('follow-up-call') })
      : null;
    const discovery = await journey.humanTask({
      type: 'discovery-meeting',
      title: `Discovery meeting with ${inquiry.companyName}`,
      role: 'sales',
      assignee: holder ?? undefined,
      dueInMs: DISCOVERY_DUE_MS,
      input: { inquiry, followUpNotes: followUp.notes },
    });
    return decideAndContract(discovery);
  });

  /** Discovery done: the proposal, the contract and deposit, and a won journey's delivery. */
  async function decideAndContract(discovery: Parameters<typeof proposalPhase>[2]): Promise<JourneyResult> {
    const proposal = await proposalPhase(journey, input, discovery);
    if (proposal.outcome === 'lost') return journey.end('LOST', proposal.reason);

    const contract = await contractPhase(journey, input, proposal.version);
    if (contract.outcome === 'lost') return journey.end('LOST', contract.reason);
    // Added after won journeys had run without it: those replay past this point untouched.
    if (patched('start-delivery-journey')) {
      const deliveryId = journeyWorkflowId(input.customerId, 'delivery', journeyIdParts(input.journeyId).sequence);
      await startChild(deliveryJourney, {
        workflowId: deliveryId,
        args: [{ journeyId: deliveryId, customerId: input.customerId, projectId: contract.projectId, acquisitionJourneyId: input.journeyId }],
        // The delivery journey outlives this one by months.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    }
    // Added after won journeys had run without it; only a referred lead's run records the marker.
    if (contract.referral && patched('thank-referrer')) {
      const { inquiryId, email, ...data } = contract.referral;
      await mail.sendEmail({ key: `referral-thanks:${inquiryId}`, to: email, template: 'referral-thanks', data });
    }
    return journey.end('COMPLETED', `Won: contract signed, deposit paid, project ${contract.projectId} in delivery`);
  }
}

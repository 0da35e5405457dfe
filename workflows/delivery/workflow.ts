// Seed 000 journey 2 with seed 004's professional-services stages — delivery: the project from the
// approved quote. A manager assigns the team, the PM kicks off and the customer confirms the plan;
// each milestone is worked, submitted and reviewed by the customer (accepted, or revised and
// submitted again); change requests are approved by finance and then the customer, and an approved
// one amends the quote, a milestone and so what its invoice bills. The customer gets a status
// update every week. Invoices are billing journeys of their own (workflows/billing/), one per
// accepted milestone or one at completion, as the quote says; final acceptance signs the project
// off and hands the customer to customer success, and the project closes when every invoice is paid.
import {
  ApplicationFailure,
  condition,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import type { DeliveryActivities, PlannedMilestone } from '../../activities/delivery/projects';
import type { EmailActivities } from '../../activities/runtime/email';
import { billingJourney } from '../billing/workflow';
import { handOverToSuccess } from '../retention/hand-over';
import {
  FailureTypes,
  journeyIdParts,
  journeyWorkflowId,
  raiseChangeRequestUpdate,
  type ChangeRequestInput,
  type DeliveryInput,
  type JourneyResult,
} from '../runtime/definitions';
import { JourneyRuntime, mailActivityOptions, recordActivityOptions } from '../runtime/journey';
import { deliveryStages } from './stages';
import { formatMoney } from '../runtime/money';

const delivery = proxyActivities<DeliveryActivities>(recordActivityOptions);
const mail = proxyActivities<EmailActivities>(mailActivityOptions);

const DAY = 24 * 60 * 60 * 1000;

export async function deliveryJourney(input: DeliveryInput): Promise<JourneyResult> {
  const { journeyId, customerId, projectId } = input;
  const journey = new JourneyRuntime(journeyId, deliveryStages);

  // Change requests: taken while the project is in delivery, handled one at a time in order.
  const changeRequests: Array<ChangeRequestInput & { number: number }> = [];
  let raised = 0;
  /** Change requests accepted but still being recorded (not yet in the queue). */
  let recording = 0;
  let handlingChange = false;
  let signingOff = false;
  let signedOff = false;
  setHandler(
    raiseChangeRequestUpdate,
    async (req) => {
      const number = ++raised;
      recording++;
      await delivery.recordChangeRequest({ ...req, journeyId, projectId, number });
      changeRequests.push({ ...req, number });
      recording--;
      return { number };
    },
    {
      validator: (req: ChangeRequestInput) => {
        if (signingOff) {
          throw ApplicationFailure.create({ type: FailureTypes.changeRequestsClosed, message: 'The project is being signed off: no more change requests', nonRetryable: true });
        }
        if (!Number.isInteger(req.costMinor) || req.costMinor < 0 || !Number.isInteger(req.days) || req.days < 0) {
          throw ApplicationFailure.create({ type: FailureTypes.invalidTaskResult, message: 'Cost and days must be whole, non-negative numbers', nonRetryable: true });
        }
      },
    },
  );

  return journey.run(async () => {
    const plan = await delivery.planProject({ journeyId, projectId, at: new Date().toISOString() });
    let milestones: PlannedMilestone[] = plan.milestones;
    const money = (minor: number) => formatMoney(minor, plan.currency);
    // Titles name the customer (the project's full name is long); the customer's own titles need neither.
    const company = plan.customer.companyName;
    const ask = (subject: string, title: string, details: Record<string, unknown>) =>
      journey.customerDecision({ form: 'accept-or-change', subject, title, details, customer: plan.customer, remindAfterMs: plan.settings.customerReviewDays * DAY });
    const { sequence } = journeyIdParts(journeyId);
    const invoices: Array<ChildWorkflowHandle<typeof billingJourney>> = [];
    const bill = async (key: string, milestoneId?: string) => {
      const billingId = journeyWorkflowId(customerId, 'billing', `${sequence}.${key}`);
      invoices.push(
        await startChild(billingJourney, {
          workflowId: billingId,
          args: [{ journeyId: billingId, customerId, projectId, deliveryJourneyId: journeyId, milestoneId }],
          // Cancelling the delivery cancels its open invoices; they end CANCELLED with their tasks.
          parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
        }),
      );
    };

    await journey.enterStage('kickoff');
    const team = await journey.humanTask({
      type: 'assign-team',
      title: `Assign the team for ${company}`,
      role: 'manager',
      dueInMs: 2 * DAY,
      input: { project: plan.name, currency: plan.currency, milestones },
    });
    const kickoff = await journey.humanTask({
      type: 'kickoff-meeting',
      title: `Kick off ${company}'s project with them`,
      role: 'pm',
      dueInMs: 5 * DAY,
      input: { project: plan.name, currency: plan.currency, team, milestones },
    });
    await delivery.recordKickoff({ journeyId, projectId, ...team, at: new Date().toISOString() });

    await journey.enterStage('plan-review');
    for (let round = 1, planText = kickoff.plan; ; round++) {
      const details = { plan: planText, milestones: milestones.map((m) => `${m.title}: ${money(m.amountMinor)}, due ${m.dueAt.slice(0, 10)}`) };
      const answer = await ask(`plan:${round}`, 'Your project plan', details);
      if (answer.decision === 'accept') break;
      planText = (
        await journey.humanTask({ type: 'address-feedback', title: `Revise the plan for ${company}`, role: 'pm', dueInMs: 3 * DAY, input: { feedback: answer.comments, plan: planText } })
      ).notes;
    }

    await journey.enterStage('in-progress');
    const deliverMilestone = async (m: PlannedMilestone) => {
      await delivery.startMilestone({ milestoneId: m.id });
      let feedback: string | undefined;
      for (let round = 1; ; round++) {
        const work = await journey.humanTask({
          type: 'submit-milestone',
          title: `Deliver milestone ${m.position} for ${company}: ${m.title}${round > 1 ? ` (revision ${round - 1})` : ''}`,
          role: 'pm',
          dueInMs: Math.max(Date.parse(m.dueAt) - Date.now(), DAY),
          input: { milestone: m, round, feedback },
        });
        await delivery.submitMilestone({ journeyId, milestoneId: m.id, round, summary: work.summary, at: new Date().toISOString() });
        const answer = await ask(`milestone:${m.position}:round:${round}`, `Milestone ${m.position}: ${m.title}`, work);
        const accepted = answer.decision === 'accept';
        await delivery.reviewMilestone({ journeyId, milestoneId: m.id, round, accepted, comments: answer.comments, at: new Date().toISOString() });
        if (accepted) break;
        feedback = answer.comments;
      }
      milestones = milestones.map((x) => (x.id === m.id ? { ...x, status: 'ACCEPTED' } : x));
      if (plan.billing === 'MILESTONES') await bill(`m${m.position}`, m.id);
    };

    const handleChange = async (cr: ChangeRequestInput & { number: number }) => {
      const finance = await journey.humanTask({
        type: 'review-change-request',
        title: `Change request #${cr.number} for ${company}: ${cr.title}`,
        role: 'finance',
        dueInMs: 2 * DAY,
        input: { changeRequest: { ...cr, cost: money(cr.costMinor) }, milestones },
      });
      if (finance.decision === 'reject') {
        return delivery.settleChangeRequest({ projectId, number: cr.number, status: 'REJECTED', financeNotes: finance.notes, by: 'finance' });
      }
      await delivery.settleChangeRequest({ projectId, number: cr.number, status: 'PENDING_CUSTOMER', financeNotes: finance.notes, by: 'finance' });
      const answer = await ask(`change-request:${cr.number}`, `Change request #${cr.number}: ${cr.title}`, {
        description: cr.description,
        cost: money(cr.costMinor),
        delay: `${cr.days} day(s)`,
      });
      if (answer.decision !== 'accept') {
        return delivery.settleChangeRequest({ projectId, number: cr.number, status: 'REJECTED', customerComments: answer.comments, by: 'customer' });
      }
      milestones = await delivery.applyChangeRequest({ projectId, number: cr.number });
    };

    const changes = async () => {
      while (!signedOff) {
        await condition(() => changeRequests.length > 0 || signedOff);
        if (signedOff) return;
        handlingChange = true;
        await handleChange(changeRequests.shift()!);
        handlingChange = false;
      }
    };

    const weeklyStatus = async () => {
      for (let week = 1; ; week++) {
        if (await condition(() => signedOff, plan.settings.statusIntervalDays * DAY)) return;
        const lines = await delivery.statusUpdateLines({ projectId });
        await mail.sendEmail({
          key: `${journeyId}:status:week:${week}`,
          journeyId,
          to: plan.customer.email,
          template: 'status-update',
          data: { contactName: plan.customer.contactName, projectName: plan.name, week, lines },
        });
      }
    };

    const deliverAndSignOff = async () => {
      // Until every milestone is accepted with no change request pending (an approved one may add one).
      for (;;) {
        for (let next = milestones.find((m) => m.status !== 'ACCEPTED'); next; next = milestones.find((m) => m.status !== 'ACCEPTED')) {
          await deliverMilestone(next);
        }
        await condition(() => changeRequests.length === 0 && recording === 0 && !handlingChange);
        if (milestones.every((m) => m.status === 'ACCEPTED')) break;
      }
      signingOff = true;
      await journey.enterStage('sign-off');
      for (let round = 1; ; round++) {
        const answer = await ask(`sign-off:${round}`, 'Final acceptance of your project', {
          milestones: milestones.map((m) => `${m.title}: accepted`),
        });
        if (answer.decision === 'accept') break;
        await journey.humanTask({ type: 'address-feedback', title: `Answer ${company}'s sign-off feedback`, role: 'pm', dueInMs: 3 * DAY, input: { feedback: answer.comments } });
      }
      await delivery.signOffProject({ journeyId, projectId, at: new Date().toISOString() });
      await mail.sendEmail({
        key: `${journeyId}:signed-off`,
        journeyId,
        to: plan.customer.email,
        template: 'project-signed-off',
        data: { contactName: plan.customer.contactName, projectName: plan.name },
      });
      if (patched('hand-over-to-success')) await handOverToSuccess(customerId, { projectId, deliveryJourneyId: journeyId });
      if (plan.billing === 'COMPLETION') await bill('final');
      signedOff = true;
    };

    await Promise.all([deliverAndSignOff(), changes(), weeklyStatus()]);

    await journey.enterStage('billing');
    const results = await Promise.all(invoices.map((i) => i.result()));
    const unpaid = results.filter((r) => r.status !== 'COMPLETED').length;
    await delivery.closeProject({ journeyId, projectId, at: new Date().toISOString() });
    return journey.end('COMPLETED', unpaid ? `Signed off; closed with ${unpaid} invoice(s) not paid` : 'Signed off and paid in full; handed to customer success');
  });
}

// Seed 003's client phases 4-7 and seed 000's journey 4, phase 2 (relationship nurturing): one
// journey per customer for as long as they stay a client, started by the hand-over of a signed-off
// delivery. Onboarding (a welcome email, the checklist task), then the cadence of cadence.ts for
// years: each check-in falls due as a task for the account owner, with the health score beside it;
// the annual review asks the customer the NPS question too. A check-in not done by its due time
// escalates to the managers; one not done by the time the next falls due is missed. A score below
// the threshold opens an at-risk review. The journey ends LOST (a former client) when a manager
// records that the customer leaves, or when nobody has been in touch past the quiet threshold.
// It continues as new at the top of its loop, carrying where the schedule is.
// A quarterly or annual review comes with a report of its period, sent to the client when the owner
// approves it. A sign-off, a ticket rated 5, a promoter's NPS or a review that went well earns the
// ask for a referral and a testimonial (the customer answers on the decision page). Beside the loop, each long-term contract's renewal (renewals.ts) waits for its notice, then asks
// the owner what the client decided; renewed, the next renewal follows from the new last day.
import { ApplicationFailure, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { RetentionActivities } from '../../activities/retention/accounts';
import type { AdvocacyActivities } from '../../activities/retention/advocacy';
import type { RenewalActivities } from '../../activities/retention/renewals';
import type { ReportActivities } from '../../activities/retention/report';
import type { EmailActivities } from '../../activities/runtime/email';
import { FailureTypes, type JourneyResult } from '../runtime/definitions';
import { JourneyRuntime, mailActivityOptions, recordActivityOptions } from '../runtime/journey';
import { unless } from '../runtime/unless';
import { clientPhase, nextCheckIn, type CheckIn, type CheckInKind } from './cadence';
import type { Health } from './health';
import {
  changeAccountUpdate,
  advocacyEarnedSignal,
  contractsChangedSignal,
  endRelationshipUpdate,
  projectHandedOverSignal,
  type AccountChange,
  type EndRelationship,
  type RetentionCarried,
  type RetentionInput,
} from './messages';
import { renewalKey, renewalTimes, type RenewalDue } from './renewals';
import { retentionStages, STAGE_OF_PHASE } from './stages';

const retention = proxyActivities<RetentionActivities>(recordActivityOptions);
const mail = proxyActivities<EmailActivities>(mailActivityOptions);
const renewals = proxyActivities<RenewalActivities>(recordActivityOptions);
const reports = proxyActivities<ReportActivities>(recordActivityOptions);
const advocacy = proxyActivities<AdvocacyActivities>(recordActivityOptions);

const DAY = 24 * 60 * 60 * 1000;
/** How long the owner has to hold each kind of check-in before it escalates to the managers. */
const HOLD_WITHIN_DAYS: Record<CheckInKind, number> = { 'check-in': 5, 'quarterly-review': 10, 'annual-review': 14 };
const CHECK_IN_TITLES: Record<CheckInKind, string> = { 'check-in': 'Check in with', 'quarterly-review': 'Quarterly review with', 'annual-review': 'Annual service review with' };
/** The annual survey's answer is awaited this long, with a reminder after a week. */
const SURVEY_DAYS = 21;
const ONBOARDING_DAYS = 7;
const AT_RISK_REVIEW_DAYS = 3;
/** An NPS score this high is a promoter's (9-10). */
const PROMOTER = 9;
/** A client is asked to advocate at most this often, and has this long to answer. */
const ADVOCACY_EVERY_DAYS = 180;
const ADVOCACY_DAYS = 21;

export async function retentionJourney(input: RetentionInput): Promise<JourneyResult> {
  const { journeyId, customerId } = input;
  const journey = new JourneyRuntime(journeyId, retentionStages, { resume: input.resume, historyLimit: input.historyLimit });
  const state: RetentionCarried = input.carried ?? { held: 0, missed: 0, handOvers: [], atRisk: false };
  /** Bumped by every change the schedule must be worked out again for. */
  let version = 0;
  let changes = 0;

  setHandler(projectHandedOverSignal, (h) => {
    state.handOvers.push(h);
    version++;
  });
  setHandler(contractsChangedSignal, () => void version++);
  setHandler(advocacyEarnedSignal, (m) => {
    state.earned ??= m;
    version++;
  });
  const refuseEnding = () => {
    if (state.ending || journey.state().status !== 'RUNNING') {
      throw ApplicationFailure.create({ type: FailureTypes.journeyNotRunning, message: 'The relationship is ending', nonRetryable: true });
    }
  };
  setHandler(
    endRelationshipUpdate,
    (req: EndRelationship) => {
      state.ending ??= req;
      return { status: 'ending' as const };
    },
    { validator: (_req: EndRelationship) => refuseEnding() },
  );

  return journey.run(async () => {
    // The sign-off that started the journey earns the first ask, once onboarding is done.
    if (!input.carried && patched('ask-at-sign-off')) state.earned = { moment: 'sign-off', ref: input.handOver.projectId };
    let account = await retention.openAccount({ journeyId, customerId, handOver: input.handOver, at: new Date().toISOString() });
    const company = account.customer.companyName;
    const ending = () => state.ending !== undefined;

    setHandler(
      changeAccountUpdate,
      async (req: AccountChange) => {
        account = { ...account, ...(await retention.changeAccount({ journeyId, customerId, ownerId: req.ownerId, earlyCadence: req.earlyCadence, by: req.by.id, key: `${++changes}`, at: new Date().toISOString() })) };
        version++;
        return { ownerId: account.ownerId, earlyCadence: account.earlyCadence };
      },
      { validator: (_req: AccountChange) => refuseEnding() },
    );

    const assess = (key: string) => retention.assessHealth({ journeyId, customerId, key, at: new Date().toISOString() });

    /** An at-risk review when the score has just fallen below the threshold; over when the next check-in falls due. */
    async function reviewRisk(health: Health, key: string, untilMs: number) {
      const wasAtRisk = state.atRisk;
      state.atRisk = health.atRisk;
      if (!health.atRisk || wasAtRisk) return;
      await unless(
        () =>
          journey.humanTask({
            key: `at-risk:${key}`,
            type: 'at-risk-review',
            title: `${company} is at risk: health ${health.score}`,
            role: 'manager',
            assignee: account.ownerId ?? undefined,
            dueInMs: AT_RISK_REVIEW_DAYS * DAY,
            input: { company, score: health.score, threshold: account.settings.atRiskBelow, inputs: health.contributions },
          }),
        ending,
        untilMs - Date.now(),
      );
    }

    /** One check-in: its row, the task (and for an annual review the survey), held or missed. */
    async function holdCheckIn(due: CheckIn, next: CheckIn) {
      const ref = { journeyId, customerId, kind: due.kind, dueAt: due.dueAt.toISOString() };
      const before = await assess(`${ref.dueAt}:due`);
      const quietFor = Date.now() - Date.parse(before.lastContactAt);
      if (quietFor >= account.settings.quietAfterDays * DAY) {
        state.ending = {
          reason: `No contact for ${Math.floor(quietFor / DAY)} days (since ${before.lastContactAt.slice(0, 10)})`,
          by: { id: 'system', name: 'Pivotal Flow' },
        };
        return;
      }
      await retention.checkInDue(ref);
      // A review comes with its report of the period, made from the client's own data.
      const report = due.periodStart && patched('review-reports') ? await reports.prepareReport({ journeyId, customerId, kind: due.kind as 'quarterly-review' | 'annual-review', periodStart: due.periodStart.toISOString(), periodEnd: ref.dueAt }) : undefined;
      /** The annual survey, beside the review: its answer recorded as soon as it comes. */
      const survey = async () => {
        const answer = await unless(
          () =>
            journey.customerDecision({
              form: 'nps',
              subject: `nps:${ref.dueAt}`,
              title: 'How likely are you to recommend us?',
              details: { company, year: `Your year with us to ${ref.dueAt.slice(0, 10)}` },
              customer: account.customer,
              remindAfterMs: 7 * DAY,
              timeoutMs: SURVEY_DAYS * DAY,
            }),
          ending,
        );
        if (answer?.value) await retention.recordNps({ ...ref, score: answer.value.score, comment: answer.value.comment });
        return answer?.value?.score;
      };
      const [held, nps] = await Promise.all([
        unless(
          () =>
            journey.humanTask({
              key: `check-in:${ref.dueAt}`,
              type: 'check-in',
              title: `${CHECK_IN_TITLES[due.kind]} ${company}`,
              role: 'success',
              assignee: account.ownerId ?? undefined,
              dueInMs: HOLD_WITHIN_DAYS[due.kind] * DAY,
              input: { company, kind: due.kind, dueAt: ref.dueAt, health: before.health.score, inputs: before.health.contributions, ...(report && { reportId: report.reportId }) },
            }),
          ending,
          next.dueAt.getTime() - Date.now(),
        ),
        due.kind === 'annual-review' ? survey() : undefined,
      ]);
      const at = new Date().toISOString();
      if (held) {
        state.held++;
        await retention.holdCheckIn({ ...ref, result: held.value, at });
        const approvedBy = journey.completedBy('check-in');
        if (report && held.value.sendReport && approvedBy) await reports.sendReport({ reportId: report.reportId, approvedBy, key: `${journeyId}:report:${ref.dueAt}` });
      } else {
        state.missed++;
        await retention.missCheckIn({ ...ref, at });
      }
      const after = await assess(`${ref.dueAt}:${held ? 'held' : 'missed'}`);
      await reviewRisk(after.health, ref.dueAt, next.dueAt.getTime());
      // A promoter's score, or a review that went well, earns the ask (not more often than ADVOCACY_EVERY_DAYS).
      const earned = (nps !== undefined && nps >= PROMOTER) || (held?.value.sentiment === 'positive' && due.kind !== 'check-in');
      if (earned && mayAsk() && patched('ask-for-advocacy')) startAsking(ref.dueAt);
    }

    /** Not while the account is at risk or ending, nor while an ask is open or within ADVOCACY_EVERY_DAYS of the last. */
    const mayAsk = () =>
      !state.atRisk && !ending() && !state.asking && (state.advocacyAskedAt === undefined || Date.now() - Date.parse(state.advocacyAskedAt) >= ADVOCACY_EVERY_DAYS * DAY);

    /**
     * What runs beside the loop (an ask, each renewal), so as not to hold the cadence up: awaited
     * before the account ends; a failure of one fails the journey at the loop's top.
     */
    const branches = new Set<Promise<void>>();
    let branchFailure: unknown;
    function beside(work: Promise<void>) {
      const branch = work.catch((err: unknown) => {
        branchFailure ??= err;
        version++;
      });
      branches.add(branch);
      void branch.finally(() => branches.delete(branch));
    }
    function startAsking(occasion: string) {
      if (state.asking !== occasion) state.advocacyAskedAt = new Date().toISOString();
      state.asking = occasion;
      beside(askForAdvocacy(occasion));
    }

    /** Asks the client to introduce us to someone and for a few words we may publish; glad to, they are emailed their referral link. */
    async function askForAdvocacy(occasion: string) {
      const subject = `advocacy:${occasion}`;
      const asked = await journey.step(() => advocacy.advocacyAsked({ journeyId, subject }));
      const answer =
        asked.state === 'closed'
          ? asked.answer && { value: asked.answer }
          : await unless(
        () =>
          journey.customerDecision({
            form: 'advocacy',
            subject,
            title: 'Would you introduce us to someone who could use our help?',
            details: {
              company,
              'If you are glad to': 'We email you a link to pass on. What anyone sends us through it comes to us as your referral, and we let you know when they become a client.',
              'Your words': 'Kept only with the name you give to publish them under, and published only as you wrote them. Ask us to take them down at any time.',
            },
            customer: account.customer,
            remindAfterMs: 7 * DAY,
            timeoutMs: ADVOCACY_DAYS * DAY,
          }),
        ending,
      );
      await journey.step(async () => {
        const { referral } = await advocacy.recordAdvocacy({ journeyId, customerId, subject, answer: answer?.value ?? null, at: new Date().toISOString() });
        if (referral) {
          await mail.sendEmail({ key: `${journeyId}:${subject}:referral-link`, journeyId, to: account.customer.email, template: 'referral-invitation', data: { contactName: account.customer.contactName, ...referral } });
        }
      });
      state.asking = undefined;
    }

    /** The renewals followed beside the loop, by key: one dropped from here gives way. */
    const renewing = new Map<string, RenewalDue>();

    /** One renewal: the notice, the owner's task until the contract's last day, then its outcome (LAPSED without one). */
    async function renew(r: RenewalDue & { noticeDays: number }) {
      const key = renewalKey(r);
      const gone = () => ending() || !renewing.has(key);
      // Given way before it began: only a task the previous run left open needs taking up, to be cancelled.
      if (gone() && !journey.hasCarriedTask(key)) return;
      const { noticeAt, endsAt } = renewalTimes(r.endsOn, r.noticeDays);
      const title = `Renewal of ${company}'s contract ending ${r.endsOn}`;
      const notice = { kind: 'timer' as const, key: `${key}:notice`, description: `${title}: asked on ${new Date(noticeAt).toISOString().slice(0, 10)}`, timeoutMs: noticeAt - Date.now(), unblockedBy: account.ownerId ?? 'success' };
      if (notice.timeoutMs > 0 && (await journey.waitFor(notice, gone))) return;
      // Decided already when a run continued as new between the task's completion and its record.
      let decided = await journey.step(() => renewals.renewalDecided({ journeyId, renewal: r }));
      if (!decided && Date.now() < endsAt) {
        const task = await unless(
          () =>
            journey.humanTask({
              key,
              type: 'contract-renewal',
              title,
              role: 'success',
              assignee: account.ownerId ?? undefined,
              dueInMs: Math.max((endsAt - Date.now()) / 2, DAY),
              input: { company, contractId: r.contractId, endsOn: r.endsOn },
            }),
          gone,
          endsAt - Date.now(),
        );
        if (task) decided = { decision: task.value, decidedBy: journey.completedBy('contract-renewal') ?? null };
      }
      if (!decided && gone()) return;
      await journey.step(() => renewals.recordRenewal({ journeyId, customerId, renewal: r, decision: decided?.decision ?? null, decidedBy: decided?.decidedBy ?? null, at: new Date().toISOString() }));
      renewing.delete(key);
      version++; // renewed: the next renewal is ahead
    }

    /** Starts a branch for each renewal ahead not followed yet; those no longer ahead (a new last day) give way. */
    async function followRenewals() {
      if (!patched('contract-renewals')) return;
      const ahead = await renewals.renewalsAhead({ customerId });
      const keys = new Set(ahead.map(renewalKey));
      for (const key of renewing.keys()) if (!keys.has(key)) renewing.delete(key);
      for (const r of ahead) {
        if (renewing.has(renewalKey(r))) continue;
        renewing.set(renewalKey(r), r);
        beside(renew(r));
      }
    }

    if (!account.onboardedAt) {
      if (journey.state().stage !== 'onboarding') await journey.enterStage('onboarding');
      await mail.sendEmail({
        key: `${journeyId}:welcome`,
        journeyId,
        to: account.customer.email,
        template: 'client-welcome',
        data: { contactName: account.customer.contactName, projectName: account.projectName, warrantyEndsAt: account.warrantyEndsAt ?? '' },
      });
      const checklist = await unless(
        () =>
          journey.humanTask({
            key: 'onboarding',
            type: 'onboarding-checklist',
            title: `Onboard ${company}`,
            role: 'success',
            assignee: account.ownerId ?? undefined,
            dueInMs: ONBOARDING_DAYS * DAY,
            input: { company, project: account.projectName, warrantyEndsAt: account.warrantyEndsAt },
          }),
        ending,
      );
      if (checklist) account = { ...account, ...(await retention.recordOnboarding({ journeyId, customerId, result: checklist.value, at: new Date().toISOString() })) };
    }

    // What the previous run left under way beside the loop is followed again (its task or decision
    // was carried), even when the account ends now: so it is closed, not left open.
    if (state.asking) startAsking(state.asking);
    await followRenewals();
    while (!state.ending) {
      if (branchFailure) throw branchFailure;
      // Not when the relationship is ending meanwhile: the run ends instead of handing over.
      await journey.continueAsNewIfDue<typeof retentionJourney>((resume) => [{ ...input, carried: state, resume }], { stillWanted: () => !(ending() && patched('no-hop-when-ending')) });
      if (ending()) break;
      // Taken before anything below reads the state: a change from here on wakes the wait.
      const seen = version;
      for (let h = state.handOvers.shift(); h; h = state.handOvers.shift()) {
        await retention.recordHandOver({ journeyId, handOver: h, at: new Date().toISOString() });
        state.earned ??= { moment: 'sign-off', ref: h.projectId };
      }
      await followRenewals();
      const stage = STAGE_OF_PHASE[clientPhase({ clientSince: new Date(account.clientSince), onboardedAt: account.onboardedAt ? new Date(account.onboardedAt) : null }, new Date())];
      if (journey.state().stage !== stage) await journey.enterStage(stage);

      const schedule = { clientSince: new Date(account.clientSince), earlyCadence: account.earlyCadence };
      const due = nextCheckIn(schedule, state.lastDueAt ? new Date(state.lastDueAt) : new Date());
      await retention.scheduleCheckIn({ customerId, next: { kind: due.kind, dueAt: due.dueAt.toISOString() } });
      // A moment earned the ask (a sign-off, a top rating): asked now, until the check-in falls due.
      const moment = state.earned;
      state.earned = undefined;
      if (moment && mayAsk() && patched('ask-for-advocacy')) startAsking(`${moment.moment}:${moment.ref}`);
      const woken = await journey.waitFor(
        { kind: 'timer', key: `check-in:${due.dueAt.toISOString()}`, description: `${CHECK_IN_TITLES[due.kind]} ${company} on ${due.dueAt.toISOString().slice(0, 10)}`, timeoutMs: Math.max(due.dueAt.getTime() - Date.now(), 1), unblockedBy: account.ownerId ?? 'success' },
        () => ending() || version !== seen,
      );
      if (woken) continue; // a change (the cadence, a hand-over) or the end: worked out again from the top
      await holdCheckIn(due, nextCheckIn(schedule, due.dueAt));
      state.lastDueAt = due.dueAt.toISOString();
    }

    // Each branch gives way (an ask withdrawn and recorded, a renewal's task cancelled) before the account ends.
    while (branches.size) await Promise.all([...branches]);
    const { reason, by } = state.ending!;
    // endAccount clears the next check-in itself; runs before this patch cleared it first.
    if (!patched('retention-end-clears-once')) await retention.scheduleCheckIn({ customerId, next: null });
    await retention.endAccount({ journeyId, customerId, reason, by: by.id, at: new Date().toISOString() });
    return journey.end('LOST', reason);
  });
}

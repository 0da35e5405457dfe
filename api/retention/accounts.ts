// A client's account as the API answers it (api/contract/records.ts clientAccount): the account row
// with its owner's name, the retention journey's stage, the latest check-ins, the contacts, and
// the client's referral code with the leads they referred, their testimonials, the repeat business opened with them, and
// their signed contracts with each one's term and renewals.
import type { ApiDeps } from '../app';
import { contractTermsOf } from './contract-terms';

/** How many check-ins the account answers with, latest first. */
const CHECK_INS = 20;
/** How many of the leads they referred, and of the projects opened with them, latest first. */
const REFERRALS = 20;
const REPEAT_BUSINESS = 20;
const TESTIMONIALS = 20;

export async function accountDetail(deps: Pick<ApiDeps, 'db' | 'config'>, customerId: string) {
  const account = await deps.db.clientAccount.findUniqueOrThrow({
    where: { customerId },
    include: {
      customer: {
        select: {
          contacts: { select: { name: true, email: true }, orderBy: { createdAt: 'asc' } },
          checkIns: { orderBy: { dueAt: 'desc' }, take: CHECK_INS },
          referralCode: true,
          testimonials: { where: { withdrawnAt: null }, select: { wording: true, attribution: true, consentAt: true }, orderBy: { consentAt: 'desc' }, take: TESTIMONIALS },
          referrals: {
            select: { journeyId: true, receivedAt: true, customer: { select: { companyName: true, clientSince: true } }, journey: { select: { status: true } } },
            orderBy: { receivedAt: 'desc' },
            take: REFERRALS,
          },
        },
      },
    },
  });
  const [journey, owner, repeatBusiness, contracts] = await Promise.all([
    deps.db.journey.findUniqueOrThrow({ where: { id: account.journeyId }, select: { stage: true, status: true } }),
    account.ownerId ? deps.db.user.findUnique({ where: { id: account.ownerId }, select: { id: true, name: true } }) : null,
    deps.db.journey.findMany({
      where: { parentJourneyId: account.journeyId, kind: 'acquisition' },
      select: { id: true, startedAt: true, stage: true, status: true, inquiries: { select: { projectType: true }, take: 1 } },
      orderBy: { startedAt: 'desc' },
      take: REPEAT_BUSINESS,
    }),
    contractTermsOf(deps.db, customerId),
  ]);
  const { customer, healthScore, healthAt } = account;
  return {
    customerId: account.customerId,
    journeyId: account.journeyId,
    earlyCadence: account.earlyCadence,
    onboardedAt: account.onboardedAt,
    endedAt: account.endedAt,
    endReason: account.endReason,
    stage: journey.stage,
    status: journey.status,
    owner,
    health: healthScore === null || !healthAt ? null : { score: healthScore, atRisk: account.atRisk, threshold: deps.config.retention.atRiskBelow, at: healthAt, inputs: account.healthInputs },
    nextCheckIn: account.nextCheckInAt && account.nextCheckInKind ? { kind: account.nextCheckInKind, dueAt: account.nextCheckInAt } : null,
    checkIns: customer.checkIns,
    contacts: customer.contacts,
    referralCode: customer.referralCode,
    testimonials: customer.testimonials,
    referrals: customer.referrals.map((r) => ({
      journeyId: r.journeyId,
      companyName: r.customer.companyName,
      receivedAt: r.receivedAt,
      status: r.journey.status,
      // Won: the referred customer became a client with (or since) this lead.
      won: r.customer.clientSince !== null && r.customer.clientSince >= r.receivedAt,
    })),
    repeatBusiness: repeatBusiness.map((j) => ({
      journeyId: j.id,
      projectType: j.inquiries[0]?.projectType ?? '',
      startedAt: j.startedAt,
      stage: j.stage,
      status: j.status,
    })),
    contracts,
  };
}

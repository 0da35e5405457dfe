// Retention for the customers who became clients in the period (Customer.clientSince; the segment
// is the lead that won them), against seed 000's bands where it names one: payment → retention
// (a client whose project was handed to customer success, so an account opened), repeat business
// (a client who sent another inquiry after becoming one), long-term relationships (a client still
// one a year on, of those who became clients a year or more ago). Lifetime value per currency
// (invoices paid less refunds). NPS from the annual surveys answered in the period, and the health
// of the accounts open now. Referral generation (seed 000: 30-40%): a client who, after becoming
// one, referred a lead (one sent with their referral code).
import type { Db } from '../../platform/db';
import { Prisma } from '../../prisma/generated/client';
import type { Period, Segment } from './params';
import { inSegment } from './segment';
import { share, verdict } from './targets';

export const RETENTION_TARGETS = {
  retained: { label: 'Payment → retention', band: [70, 80] },
  repeatBusiness: { label: 'Repeat business', band: [60, 70] },
  longTerm: { label: 'Long-term relationships', band: [40, 50] },
  referralGeneration: { label: 'Referral generation', band: [30, 40] },
} as const;

/** Health scores counted in bands of 20 points: 0-19 … 80-100. */
const HEALTH_BANDS = [0, 20, 40, 60, 80] as const;

export async function retentionFigures(db: Db, period: Period, segment: Segment, now: Date) {
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const cohort = Prisma.sql`
    SELECT c.id, c."clientSince", c."leftAt" FROM "Customer" c
    WHERE c."clientSince" >= ${period.from} AND c."clientSince" < ${period.to}
      AND ${inSegment(Prisma.sql`c.id`, Prisma.sql`c."clientSince"`, segment)}`;
  const [[counts], values, [nps], health] = await Promise.all([
    db.$queryRaw<{ clients: number; retained: number; returned: number; referred: number; yearOld: number; keptAYear: number }[]>`
      WITH cohort AS (${cohort})
      SELECT count(*)::int AS clients,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "ClientAccount" a WHERE a."customerId" = cohort.id))::int AS retained,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Inquiry" i WHERE i."customerId" = cohort.id AND i."receivedAt" > cohort."clientSince"))::int AS returned,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Inquiry" i WHERE i."referrerId" = cohort.id AND i."receivedAt" >= cohort."clientSince"))::int AS referred,
             count(*) FILTER (WHERE "clientSince" <= ${yearAgo})::int AS "yearOld",
             count(*) FILTER (WHERE "clientSince" <= ${yearAgo} AND ("leftAt" IS NULL OR "leftAt" >= "clientSince" + interval '365 days'))::int AS "keptAYear"
      FROM cohort`,
    db.$queryRaw<{ currency: string; customers: number; averageMinor: bigint; medianMinor: bigint; totalMinor: bigint }[]>`
      WITH cohort AS (${cohort}),
           per_customer AS (
             SELECT i.currency, i."customerId", sum(i."paidMinor" - i."refundedMinor") AS value
             FROM "Invoice" i JOIN cohort ON cohort.id = i."customerId"
             GROUP BY i.currency, i."customerId")
      SELECT currency, count(*)::int AS customers, round(avg(value))::bigint AS "averageMinor",
             round(percentile_cont(0.5) WITHIN GROUP (ORDER BY value)::numeric)::bigint AS "medianMinor", sum(value)::bigint AS "totalMinor"
      FROM per_customer GROUP BY currency ORDER BY currency`,
    db.$queryRaw<{ answers: number; promoters: number; passives: number; detractors: number }[]>`
      SELECT count(*)::int AS answers,
             count(*) FILTER (WHERE k.nps >= 9)::int AS promoters,
             count(*) FILTER (WHERE k.nps BETWEEN 7 AND 8)::int AS passives,
             count(*) FILTER (WHERE k.nps <= 6)::int AS detractors
      FROM "CheckIn" k
      WHERE k.nps IS NOT NULL AND k."dueAt" >= ${period.from} AND k."dueAt" < ${period.to}
        AND ${inSegment(Prisma.sql`k."customerId"`, Prisma.sql`k."dueAt"`, segment)}`,
    db.$queryRaw<{ band: number | null; accounts: number; atRisk: number }[]>`
      SELECT CASE WHEN a."healthScore" IS NULL THEN NULL ELSE least(a."healthScore" / 20, 4) * 20 END AS band,
             count(*)::int AS accounts, count(*) FILTER (WHERE a."atRisk")::int AS "atRisk"
      FROM "ClientAccount" a
      WHERE a."endedAt" IS NULL AND ${inSegment(Prisma.sql`a."customerId"`, Prisma.sql`${now}::timestamptz`, segment)}
      GROUP BY 1`,
  ]);

  const step = (key: keyof typeof RETENTION_TARGETS, part: number, whole: number) => {
    const { label, band } = RETENTION_TARGETS[key];
    const rate = share(part, whole);
    return { key, label, low: band[0], high: band[1], counted: whole, met: part, rate, verdict: verdict(rate, band) };
  };
  const c = counts ?? { clients: 0, retained: 0, returned: 0, referred: 0, yearOld: 0, keptAYear: 0 };
  const n = nps ?? { answers: 0, promoters: 0, passives: 0, detractors: 0 };
  const bandOf = (from: number) => health.find((h) => h.band === from);
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    clients: c.clients,
    targets: [
      step('retained', c.retained, c.clients),
      step('repeatBusiness', c.returned, c.clients),
      step('longTerm', c.keptAYear, c.yearOld),
      step('referralGeneration', c.referred, c.clients),
    ],
    lifetimeValue: values.map((v) => ({ currency: v.currency, customers: v.customers, averageMinor: Number(v.averageMinor), medianMinor: Number(v.medianMinor), totalMinor: Number(v.totalMinor) })),
    // NPS: promoters' share less detractors', in points (-100 to 100).
    nps: { ...n, score: n.answers ? Math.round(((n.promoters - n.detractors) / n.answers) * 100) : null },
    health: {
      accounts: health.reduce((sum, h) => sum + h.accounts, 0),
      atRisk: health.reduce((sum, h) => sum + h.atRisk, 0),
      unscored: health.find((h) => h.band === null)?.accounts ?? 0,
      bands: HEALTH_BANDS.map((from) => ({ from, to: from === 80 ? 100 : from + 19, accounts: bandOf(from)?.accounts ?? 0 })),
    },
  };
}

// The figures of the managers' weekly digest, from the analytics page's own queries: the
// acquisition funnel of the last 90 days against seed 000's targets (the page's default question),
// and the three stages where journeys waited longest in the past week, with the change against the
// week before. The workflow mails it to each active manager (workflows/digest/weekly-digest.ts).
import { bottlenecks } from '../../api/analytics/bottlenecks';
import { funnel } from '../../api/analytics/funnel';
import type { Db } from '../../platform/db';

const DAY_MS = 86_400_000;
/** The funnel's window, as the analytics page asks it by default. */
const FUNNEL_DAYS = 90;
const TOP_BOTTLENECKS = 3;

export type WeeklyDigest = {
  /** The week reported on: the seven days before the day the digest is made (ISO dates; `to` exclusive). */
  weekOf: { from: string; to: string };
  funnel: { from: string; started: number; targets: Array<{ label: string; rate: number | null; converted: number; reached: number; low: number; high: number; verdict: string | null }> };
  bottlenecks: Array<{ label: string; kind: string; hours: number; waits: number; overdue: number; changeHours: number }>;
};

export function createDigestActivities({ db }: { db: Db }) {
  return {
    /** The digest for the week before `at`'s day (UTC), and who receives it. */
    async prepareWeeklyDigest({ at }: { at: string }): Promise<{ digest: WeeklyDigest; recipients: Array<{ id: string; email: string }> }> {
      const to = new Date(Math.floor(new Date(at).getTime() / DAY_MS) * DAY_MS);
      const week = { from: new Date(to.getTime() - 7 * DAY_MS), to };
      const funnelPeriod = { from: new Date(to.getTime() - FUNNEL_DAYS * DAY_MS), to };
      const [f, b, recipients] = await Promise.all([
        funnel(db, 'acquisition', funnelPeriod, {}),
        bottlenecks(db, undefined, week, {}),
        db.user.findMany({ where: { active: true, roles: { has: 'manager' } }, select: { id: true, email: true }, orderBy: { email: 'asc' } }),
      ]);
      const day = (d: Date) => d.toISOString().slice(0, 10);
      return {
        recipients,
        digest: {
          weekOf: { from: day(week.from), to: day(week.to) },
          funnel: {
            from: day(funnelPeriod.from),
            started: f.totals.started,
            targets: f.targets.map(({ label, rate, converted, reached, low, high, verdict }) => ({ label, rate, converted, reached, low, high, verdict })),
          },
          bottlenecks: b.stages
            .filter((s) => s.hours > 0)
            .slice(0, TOP_BOTTLENECKS)
            .map((s) => ({ label: s.label, kind: s.kind, hours: s.hours, waits: s.waits, overdue: s.overdue, changeHours: s.change.hours })),
        },
      };
    },
  };
}

export type DigestActivities = ReturnType<typeof createDigestActivities>;

// Reads of a project's delivery and billing records, for tests that drive them through the API.
import type { Harness } from './harness';
import { eventually } from './http';
import { journeyDriver } from './journey-driver';

export function projectReader(h: Pick<Harness, 'as' | 'db' | 'baseUrl'>) {
  const drive = journeyDriver(h);
  return {
    /** The invoice of a milestone, with its lines, once its billing journey has issued it. */
    invoiceOf: (milestoneId: string) =>
      eventually(() => h.db.invoice.findFirst({ where: { milestoneId }, include: { lines: { orderBy: { position: 'asc' } } } }), Boolean, 30_000).then((i) => i!),
    milestonesOf: (projectId: string) => h.db.milestone.findMany({ where: { projectId }, orderBy: { position: 'asc' } }),
    /** The pay link path from an invoice's email. */
    payLinkOf: (billingJourneyId: string) => drive.emailedLink(billingJourneyId, 'invoice'),
    /** The keys of a journey's emails, without the journey id. */
    emailKeys: async (journeyId: string) => (await h.db.email.findMany({ where: { journeyId } })).map((e) => e.key.slice(journeyId.length + 1)),
  };
}

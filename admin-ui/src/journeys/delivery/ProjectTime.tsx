import { Link } from 'react-admin';
import { TimeEntriesSection } from '../../time/TimeEntriesSection';
import type { Project, TimeEntry } from '../../types';
import { journeyPath } from '../journeyFields';

/** Hours worked per milestone, billed at their rate on the invoice that covers the milestone. */
export const ProjectTime = ({ project, currency }: { project: Project; currency: string | undefined }) => {
  const billedOn = (entry: TimeEntry) => {
    const invoice = project.invoices.find((i) => i.id === entry.invoiceId);
    return invoice ? <Link to={journeyPath(invoice.journeyId)}>{invoice.number}</Link> : 'billed';
  };
  const milestone = (entry: TimeEntry) => `Milestone ${project.milestones.find((m) => m.id === entry.milestoneId)?.position ?? '?'}`;
  return <TimeEntriesSection entries={project.timeEntries} currency={currency} spentOn={milestone} billedOn={billedOn} emptyHint="Hours recorded on a milestone are billed with it." />;
};

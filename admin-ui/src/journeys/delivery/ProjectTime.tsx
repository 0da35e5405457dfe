import { Link } from 'react-admin';
import { RecordTimeButton } from '../../time/RecordTimeButton';
import { TimeEntriesSection } from '../../time/TimeEntriesSection';
import type { Project, TimeEntry } from '../../types';
import { journeyPath } from '../journeyFields';

/**
 * Hours worked per milestone, billed at their rate on the invoice that covers the milestone; the
 * PM records them here (`mayRecord`) on a milestone chosen, the one in progress first.
 */
export const ProjectTime = ({ project, currency, mayRecord }: { project: Project; currency: string | undefined; mayRecord: boolean }) => {
  const billedOn = (entry: TimeEntry) => {
    const invoice = project.invoices.find((i) => i.id === entry.invoiceId);
    return invoice ? <Link to={journeyPath(invoice.journeyId)}>{invoice.number}</Link> : 'billed';
  };
  const milestone = (entry: TimeEntry) => `Milestone ${project.milestones.find((m) => m.id === entry.milestoneId)?.position ?? '?'}`;
  const intro = 'Billed with the milestone, on its invoice (a milestone already invoiced takes no more time).';
  const targets = {
    label: 'Milestone',
    field: 'milestoneId',
    options: project.milestones.map((m) => ({ id: m.id, name: `${m.position}. ${m.title}` })),
    initial: project.milestones.find((m) => m.status === 'IN_PROGRESS' || m.status === 'REVISIONS_REQUESTED')?.id,
  };
  const action = mayRecord && currency && project.milestones.length > 0 && (
    <RecordTimeButton currency={currency} intro={intro} targets={targets} record={(api, entry, key, milestoneId) => api.recordMilestoneTime(milestoneId, entry, key)} />
  );
  return <TimeEntriesSection entries={project.timeEntries} currency={currency} spentOn={milestone} billedOn={billedOn} emptyHint="Hours recorded on a milestone are billed with it." action={action} />;
};

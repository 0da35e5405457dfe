import { Link } from 'react-admin';
import { RecordTimeButton } from '../../time/RecordTimeButton';
import { TimeEntriesSection } from '../../time/TimeEntriesSection';
import { useT } from '../../i18n/useT';
import type { Project, TimeEntry } from '../../types';
import { journeyPath } from '../journeyFields';

/**
 * Hours worked per milestone, billed at their rate on the invoice that covers the milestone; the
 * PM records them here (`mayRecord`) on a milestone chosen, the one in progress first.
 */
export const ProjectTime = ({ project, currency, mayRecord }: { project: Project; currency: string | undefined; mayRecord: boolean }) => {
  const t = useT();
  const billedOn = (entry: TimeEntry) => {
    const invoice = project.invoices.find((i) => i.id === entry.invoiceId);
    return invoice ? <Link to={journeyPath(invoice.journeyId)}>{invoice.number}</Link> : t('app.project.billed');
  };
  const milestone = (entry: TimeEntry) => t('app.project.milestone_n', { n: project.milestones.find((m) => m.id === entry.milestoneId)?.position ?? '?' });
  const intro = t('app.project.time_intro');
  const targets = {
    label: t('app.project.milestone'),
    field: 'milestoneId',
    options: project.milestones.map((m) => ({ id: m.id, name: `${m.position}. ${m.title}` })),
    initial: project.milestones.find((m) => m.status === 'IN_PROGRESS' || m.status === 'REVISIONS_REQUESTED')?.id,
  };
  const action = mayRecord && currency && project.milestones.length > 0 && (
    <RecordTimeButton currency={currency} intro={intro} targets={targets} record={(api, entry, key, milestoneId) => api.recordMilestoneTime(milestoneId, entry, key)} />
  );
  return <TimeEntriesSection entries={project.timeEntries} currency={currency} spentOn={milestone} billedOn={billedOn} emptyHint={t('app.project.time_hint')} action={action} />;
};

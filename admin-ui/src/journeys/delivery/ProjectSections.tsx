import { usePermissions } from 'react-admin';
import { mayReadInvoices, mayRunDelivery } from '../../auth/roles';
import { useT } from '../../i18n/useT';
import type { JourneyDetail, Project, Role } from '../../types';
import { ChangeRequestsSection } from './ChangeRequestsSection';
import { MilestonesSection } from './MilestonesSection';
import { ProjectCard } from './ProjectCard';
import { ProjectInvoices } from './ProjectInvoices';
import { ProjectTime } from './ProjectTime';
import { RaiseChangeRequestButton } from './RaiseChangeRequestButton';

/**
 * The project on the page of a journey that won it, runs it or bills it. Its delivery journey shows
 * every record, empty ones saying so; the others show the records there are. Invoices only for
 * the roles that may read them: the API leaves them out for everyone else.
 */
export const ProjectSections = ({ journey, project }: { journey: JourneyDetail; project: Project }) => {
  const { currency } = project;
  const { permissions } = usePermissions<Role[]>();
  const t = useT();
  const delivering = project.deliveryJourneyId === journey.id;
  // The PM's work while the delivery runs: change requests and time (the API takes them from pm and manager).
  const runsIt = delivering && journey.status === 'RUNNING' && mayRunDelivery(permissions);
  // A billing journey shows its own invoice in full already.
  const otherInvoices = project.invoices.filter((invoice) => !journey.invoices.some((own) => own.id === invoice.id));
  return (
    <>
      <ProjectCard project={project} journeyId={journey.id} />
      {(delivering || project.milestones.length > 0) && <MilestonesSection milestones={project.milestones} currency={currency} />}
      {(delivering || project.changeRequests.length > 0) && <ChangeRequestsSection changes={project.changeRequests} currency={currency} action={runsIt && currency && <RaiseChangeRequestButton journeyId={journey.id} currency={currency} />} />}
      {(delivering || project.timeEntries.length > 0) && <ProjectTime project={project} currency={currency} mayRecord={runsIt} />}
      {mayReadInvoices(permissions) && (delivering || otherInvoices.length > 0) && (
        <ProjectInvoices title={delivering ? t('app.project.invoices') : t('app.project.other_invoices')} invoices={otherInvoices} />
      )}
    </>
  );
};

import { Stack, Typography } from '@mui/material';
import { Link, RecordField } from 'react-admin';
import { FactGrid } from '../../common/FactGrid';
import { RelativeTime } from '../../common/RelativeTime';
import { SectionCard } from '../../common/SectionCard';
import { StatusChip } from '../../common/StatusChip';
import { journeyPath } from '../journeyFields';
import { useT } from '../../i18n/useT';
import type { Project } from '../../types';

const When = ({ date }: { date: string | null }) => {
  const t = useT();
  return date ? (
    <RelativeTime date={date} />
  ) : (
    <Typography component="span" variant="inherit" color="text.secondary">
      {t('app.project.not_yet')}
    </Typography>
  );
};

/** What the project is, who is on it and where it stands; with links to the other journeys of the project. */
export const ProjectCard = ({ project, journeyId }: { project: Project; journeyId: string }) => {
  const t = useT();
  return (
    <SectionCard title={t('app.project.title')} action={<StatusChip status={project.status} />}>
      <Typography variant="subtitle1" sx={{ mb: 2 }}>
        {project.name}
      </Typography>
      <FactGrid>
        <RecordField label={t('app.project.team')} sx={{ gridColumn: 'span 2' }}>
          {project.team.length === 0 ? (
            <When date={null} />
          ) : (
            <Stack>
              {project.team.map((member) => (
                <span key={`${member.name}:${member.role}`}>
                  {member.name}
                  <Typography component="span" variant="inherit" color="text.secondary">
                    {' '}
                    · {member.role}
                  </Typography>
                </span>
              ))}
            </Stack>
          )}
        </RecordField>
        <RecordField label={t('app.project.kicked_off')}>
          <When date={project.kickoffAt} />
        </RecordField>
        <RecordField label={t('app.project.signed_off')}>
          <When date={project.signedOffAt} />
        </RecordField>
        <RecordField label={t('app.project.closed')}>
          <When date={project.closedAt} />
        </RecordField>
        {project.journeyId !== journeyId && (
          <RecordField label={t('app.project.won_by')}>
            <Link to={journeyPath(project.journeyId)}>{t('app.project.acquisition_journey')}</Link>
          </RecordField>
        )}
        {project.deliveryJourneyId && project.deliveryJourneyId !== journeyId && (
          <RecordField label={t('app.project.run_by')}>
            <Link to={journeyPath(project.deliveryJourneyId)}>{t('app.project.delivery_journey')}</Link>
          </RecordField>
        )}
      </FactGrid>
    </SectionCard>
  );
};

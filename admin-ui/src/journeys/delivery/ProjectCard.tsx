import { Stack, Typography } from '@mui/material';
import { Link, RecordField } from 'react-admin';
import { FactGrid } from '../../common/FactGrid';
import { RelativeTime } from '../../common/RelativeTime';
import { SectionCard } from '../../common/SectionCard';
import { StatusChip } from '../../common/StatusChip';
import { journeyPath } from '../journeyFields';
import type { Project } from '../../types';

const When = ({ date }: { date: string | null }) =>
  date ? (
    <RelativeTime date={date} />
  ) : (
    <Typography component="span" variant="inherit" color="text.secondary">
      not yet
    </Typography>
  );

/** What the project is, who is on it and where it stands; with links to the other journeys of the project. */
export const ProjectCard = ({ project, journeyId }: { project: Project; journeyId: string }) => (
  <SectionCard title="Project" action={<StatusChip status={project.status} />}>
    <Typography variant="subtitle1" sx={{ mb: 2 }}>
      {project.name}
    </Typography>
    <FactGrid>
      <RecordField label="Team" sx={{ gridColumn: 'span 2' }}>
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
      <RecordField label="Kicked off">
        <When date={project.kickoffAt} />
      </RecordField>
      <RecordField label="Signed off">
        <When date={project.signedOffAt} />
      </RecordField>
      <RecordField label="Closed">
        <When date={project.closedAt} />
      </RecordField>
      {project.journeyId !== journeyId && (
        <RecordField label="Won by">
          <Link to={journeyPath(project.journeyId)}>Acquisition journey</Link>
        </RecordField>
      )}
      {project.deliveryJourneyId && project.deliveryJourneyId !== journeyId && (
        <RecordField label="Run by">
          <Link to={journeyPath(project.deliveryJourneyId)}>Delivery journey</Link>
        </RecordField>
      )}
    </FactGrid>
  </SectionCard>
);

import EndedIcon from '@mui/icons-material/Block';
import { Box, Step, StepLabel, Stepper, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { durationSince, exactTime } from '../common/RelativeTime';
import type { JourneyDetail, JourneyStatus } from '../types';

// How a journey ended, at the end of its stages: only a completed one gets the check mark.
const END_ICONS: Partial<Record<JourneyStatus, ReactNode>> = {
  LOST: <EndedIcon color="disabled" />,
  CANCELLED: <EndedIcon color="disabled" />,
};

type StageVisit = { stage: string; at: string; until: string | null };

/** The stages the journey went through, from its trail: each with when it was entered and how long it lasted. */
function stageVisits(journey: JourneyDetail): StageVisit[] {
  const entered = journey.history.filter((e) => e.type === 'stage_entered');
  return entered.map((e, i) => ({ stage: String(e.data.stage), at: e.at, until: entered[i + 1]?.at ?? journey.endedAt }));
}

const visitLength = (visit: StageVisit) =>
  visit.until ? durationSince(visit.at, Date.parse(visit.until)) : `${durationSince(visit.at)} so far`;

/** Where the journey is, among the stages it has been through (later stages are not known ahead). */
export const StageProgress = ({ journey }: { journey: JourneyDetail }) => {
  const visits = stageVisits(journey);
  if (visits.length === 0) return null;
  const running = journey.status === 'RUNNING';
  return (
    <Box sx={{ overflowX: 'auto', py: 1 }}>
      <Stepper activeStep={running ? visits.length - 1 : visits.length} alternativeLabel>
        {visits.map((visit) => (
          <Step key={`${visit.stage}@${visit.at}`}>
            <StepLabel
              optional={
                <Typography variant="caption" color="text.secondary" title={exactTime(visit.at)}>
                  {visitLength(visit)}
                </Typography>
              }
            >
              {visit.stage}
            </StepLabel>
          </Step>
        ))}
        {!running && (
          <Step completed>
            <StepLabel error={journey.status === 'FAILED'} icon={END_ICONS[journey.status]}>
              {journey.status.toLowerCase()}
            </StepLabel>
          </Step>
        )}
      </Stepper>
    </Box>
  );
};

// Managers retry a journey that failed once its cause has passed (a missing record restored, a
// service back, a fix deployed): it runs again from the step that failed (POST /api/journeys/:id/retry).
import RetryIcon from '@mui/icons-material/Replay';
import { Button } from '@mui/material';
import { useState } from 'react';
import type { JourneyDetail } from '../types';
import { ReasonDialog } from './ReasonDialog';

export const RetryJourneyButton = ({ journey }: { journey: JourneyDetail }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="contained" startIcon={<RetryIcon />} onClick={() => setOpen(true)}>
        Retry
      </Button>
      {open && (
        <ReasonDialog
          title="Retry this journey?"
          confirm="Retry journey"
          keep="Leave it failed"
          color="primary"
          command={(api, reason) => api.retryJourney(journey.id, reason)}
          done="Journey running again"
          onClose={() => setOpen(false)}
        >
          It failed with: <strong>{journey.endReason ?? 'no reason recorded'}</strong>. Retry once that cause is fixed: the journey runs
          again from the step that failed, and its open tasks come back. If the cause is still there, it fails again.
        </ReasonDialog>
      )}
    </>
  );
};

// Managers retry a journey that failed once its cause has passed (a missing record restored, a
// service back, a fix deployed): it runs again from the step that failed (POST /api/journeys/:id/retry).
import RetryIcon from '@mui/icons-material/Replay';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useTNodes } from '../i18n/interpolate';
import { useT } from '../i18n/useT';
import type { JourneyDetail } from '../types';
import { ReasonDialog } from './ReasonDialog';

export const RetryJourneyButton = ({ journey }: { journey: JourneyDetail }) => {
  const [open, setOpen] = useState(false);
  const t = useT();
  const tx = useTNodes();
  return (
    <>
      <Button variant="contained" startIcon={<RetryIcon />} onClick={() => setOpen(true)}>
        {t('app.journey.retry')}
      </Button>
      {open && (
        <ReasonDialog
          title={t('app.journey.retry_title')}
          confirm={t('app.journey.retry_confirm')}
          keep={t('app.journey.retry_keep')}
          color="primary"
          command={(api, reason) => api.retryJourney(journey.id, reason)}
          done={t('app.journey.retry_done')}
          onClose={() => setOpen(false)}
        >
          {tx('app.journey.retry_body', { reason: <strong>{journey.endReason ?? t('app.journey.no_reason')}</strong> })}
        </ReasonDialog>
      )}
    </>
  );
};

// Managers end a running journey, saying why: its open tasks and waits close and it ends CANCELLED.
import CancelIcon from '@mui/icons-material/Block';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useT } from '../i18n/useT';
import type { JourneyDetail } from '../types';
import { ReasonDialog } from './ReasonDialog';

export const CancelJourneyButton = ({ journey }: { journey: JourneyDetail }) => {
  const [open, setOpen] = useState(false);
  const t = useT();
  return (
    <>
      <Button color="error" variant="outlined" startIcon={<CancelIcon />} onClick={() => setOpen(true)}>
        {t('app.journey.cancel')}
      </Button>
      {open && (
        <ReasonDialog
          title={t('app.journey.cancel_title')}
          confirm={t('app.journey.cancel')}
          keep={t('app.journey.cancel_keep')}
          color="error"
          command={(api, reason) => api.cancelJourney(journey.id, reason)}
          done={t('app.journey.cancel_done')}
          onClose={() => setOpen(false)}
        >
          {t('app.journey.cancel_body', { customer: journey.customer?.companyName ?? t('app.journey.the_customer'), kind: journey.kind })}
        </ReasonDialog>
      )}
    </>
  );
};

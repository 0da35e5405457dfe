// A manager's bulk action on the journeys list: cancel the selected journeys, each with the reason
// on its own trail (the business cancel: open tasks cancelled, the customer's pages withdrawn). A
// journey that ended meanwhile is refused and stays selected with why.
import CancelIcon from '@mui/icons-material/Cancel';
import { Button } from '@mui/material';
import { useState } from 'react';
import { BulkReasonDialog } from '../common/BulkReasonDialog';
import { useT } from '../i18n/useT';
import type { Journey } from '../types';
import { useJourneyKinds } from './stageLabels';

export const JourneyBulkActions = () => {
  const [open, setOpen] = useState(false);
  const { kindTitle } = useJourneyKinds();
  const t = useT();
  return (
    <>
      <Button size="small" color="error" startIcon={<CancelIcon />} onClick={() => setOpen(true)}>
        {t('app.journey.bulk_cancel')}
      </Button>
      {open && (
        <BulkReasonDialog<Journey>
          title={t('app.common.cancel')}
          count={(n) => t('app.journey.bulk_count', { smart_count: n })}
          nameOf={(journey) => t('app.journey.bulk_name', { kind: kindTitle(journey.kind), customer: journey.customer.companyName })}
          confirm={t('app.journey.bulk_confirm')}
          color="error"
          done={(n) => t('app.journey.bulk_done', { smart_count: n })}
          command={(api, id, reason) => api.cancelJourney(String(id), reason)}
          maxReason={1000}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};

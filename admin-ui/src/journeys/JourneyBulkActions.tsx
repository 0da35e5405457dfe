// A manager's bulk action on the journeys list: cancel the selected journeys, each with the reason
// on its own trail (the business cancel: open tasks cancelled, the customer's pages withdrawn). A
// journey that ended meanwhile is refused and stays selected with why.
import CancelIcon from '@mui/icons-material/Cancel';
import { Button } from '@mui/material';
import { useState } from 'react';
import { BulkReasonDialog } from '../common/BulkReasonDialog';
import type { Journey } from '../types';
import { useJourneyKinds } from './stageLabels';

export const JourneyBulkActions = () => {
  const [open, setOpen] = useState(false);
  const { kindTitle } = useJourneyKinds();
  return (
    <>
      <Button size="small" color="error" startIcon={<CancelIcon />} onClick={() => setOpen(true)}>
        Cancel journeys
      </Button>
      {open && (
        <BulkReasonDialog<Journey>
          title="Cancel"
          noun={['journey', 'journeys']}
          nameOf={(journey) => `${kindTitle(journey.kind)} of ${journey.customer.companyName}`}
          confirm="Cancel them"
          color="error"
          done={(n) => `${n} journey${n === 1 ? '' : 's'} cancelled`}
          command={(api, id, reason) => api.cancelJourney(String(id), reason)}
          maxReason={1000}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};

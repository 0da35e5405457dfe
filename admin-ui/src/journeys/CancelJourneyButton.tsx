// Managers end a running journey, saying why: its open tasks and waits close and it ends CANCELLED.
import CancelIcon from '@mui/icons-material/Block';
import { Button } from '@mui/material';
import { useState } from 'react';
import type { JourneyDetail } from '../types';
import { ReasonDialog } from './ReasonDialog';

export const CancelJourneyButton = ({ journey }: { journey: JourneyDetail }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button color="error" variant="outlined" startIcon={<CancelIcon />} onClick={() => setOpen(true)}>
        Cancel journey
      </Button>
      {open && (
        <ReasonDialog
          title="Cancel this journey?"
          confirm="Cancel journey"
          keep="Keep it running"
          color="error"
          command={(api, reason) => api.cancelJourney(journey.id, reason)}
          done="Journey cancelled"
          onClose={() => setOpen(false)}
        >
          {journey.customer?.companyName ?? 'The customer'}'s {journey.kind} journey stops for good: its open tasks are cancelled and nothing
          more happens. The reason is kept in its timeline.
        </ReasonDialog>
      )}
    </>
  );
};

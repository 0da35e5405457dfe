// Managers end a running journey, saying why: its open tasks and waits close and it ends CANCELLED.
import CancelIcon from '@mui/icons-material/Block';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useCommand } from '../common/useCommand';
import { apiFieldErrors } from '../dataProvider';
import type { JourneyDetail } from '../types';

const MIN_REASON = 3;

const CancelJourneyDialog = ({ journey, onClose }: { journey: JourneyDetail; onClose: () => void }) => {
  const { run, pending } = useCommand();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const tooShort = reason.trim().length < MIN_REASON;

  const confirm = async () => {
    const outcome = await run((api) => api.cancelJourney(journey.id, reason.trim()), 'Journey cancelled');
    if (outcome.ok) onClose();
    else setFieldError(apiFieldErrors(outcome.error).find((f) => f.field === 'reason')?.message);
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Cancel this journey?</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {journey.customer?.companyName ?? 'The customer'}'s {journey.kind} journey stops for good: its open tasks are
          cancelled and nothing more happens. The reason is kept in its timeline.
        </DialogContentText>
        <TextField
          label="Reason"
          name="reason"
          autoFocus
          fullWidth
          multiline
          minRows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setFieldError(undefined);
          }}
          error={!!fieldError}
          helperText={fieldError ?? 'A few words, for whoever looks at this journey later'}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Keep it running</Button>
        <Button color="error" variant="contained" onClick={confirm} disabled={pending || tooShort}>
          Cancel journey
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const CancelJourneyButton = ({ journey }: { journey: JourneyDetail }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button color="error" variant="outlined" startIcon={<CancelIcon />} onClick={() => setOpen(true)}>
        Cancel journey
      </Button>
      {open && <CancelJourneyDialog journey={journey} onClose={() => setOpen(false)} />}
    </>
  );
};

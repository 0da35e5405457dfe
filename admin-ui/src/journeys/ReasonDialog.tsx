// A manager's action on a whole journey, confirmed with the reason it goes on the journey's trail
// with (cancelling a journey, retrying a failed one). The API's 400 on `reason` shows under the field.
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { MIN_REASON, ReasonField, tooLong } from '../common/ReasonField';
import { useCommand } from '../common/useCommand';
import { apiFieldErrors, type AppDataProvider } from '../dataProvider';
import { useT } from '../i18n/useT';

/** As the API's reason for a journey's cancel and retry (api/routes/journeys.ts). */
const MAX_REASON = 1000;

export const ReasonDialog = ({
  title,
  children,
  confirm,
  keep,
  color,
  command,
  done,
  onClose,
}: {
  title: string;
  /** What happens, in a sentence or two. */
  children: ReactNode;
  /** The button labels: do it, or leave the journey as it is. */
  confirm: string;
  keep: string;
  color: 'error' | 'primary';
  command: (api: AppDataProvider, reason: string) => Promise<unknown>;
  /** Said once it is done. */
  done: string;
  onClose: () => void;
}) => {
  const { run, pending } = useCommand();
  const t = useT();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const unsendable = reason.trim().length < MIN_REASON || !!tooLong(reason, MAX_REASON);

  const submit = async () => {
    const outcome = await run((api) => command(api, reason.trim()), done);
    if (outcome.ok) onClose();
    else setFieldError(apiFieldErrors(outcome.error).find((f) => f.field === 'reason')?.message);
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{children}</DialogContentText>
        <ReasonField
          required
          autoFocus
          value={reason}
          onChange={(value) => {
            setReason(value);
            setFieldError(undefined);
          }}
          error={fieldError}
          helperText={t('app.journey.reason_hint')}
          max={MAX_REASON}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{keep}</Button>
        <Button color={color} variant="contained" onClick={submit} disabled={pending || unsendable}>
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

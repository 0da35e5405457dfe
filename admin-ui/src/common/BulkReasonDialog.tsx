// A bulk action's dialog asking for a reason (and whatever else the action needs, as children):
// the records it acts on are named, each gets its own request with the reason on its own trail, and
// what failed is listed for another try (useBulkSelection).
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useState, type ReactNode } from 'react';
import type { Identifier, RaRecord } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { useT } from '../i18n/useT';
import { MIN_REASON, ReasonField, tooLong } from './ReasonField';
import { useBulkSelection } from './useBulkSelection';

export function BulkReasonDialog<R extends RaRecord>({
  title,
  count,
  nameOf,
  children,
  ready = true,
  confirm,
  color = 'primary',
  done,
  command,
  maxReason,
  onClose,
}: {
  /** E.g. "Reassign": the title reads "Reassign: 3 tasks". */
  title: string;
  /** How many it acts on, in words and in the UI's language: (n) => t('app.task_bulk.count', { smart_count: n }). */
  count: (n: number) => string;
  nameOf: (record: R) => string;
  /** The action's own fields (a person, a date). */
  children?: ReactNode;
  /** Whether those fields are filled in enough to send. */
  ready?: boolean;
  confirm: string;
  color?: 'primary' | 'error';
  done: (n: number) => string;
  command: (api: AppDataProvider, id: Identifier, reason: string) => Promise<unknown>;
  /** The longest reason the API takes. */
  maxReason: number;
  onClose: () => void;
}) {
  const bulk = useBulkSelection<R>({ nameOf, done, onClose });
  const [reason, setReason] = useState('');
  const t = useT();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {t('app.bulk.title', { action: title, count: count(bulk.ids.length) })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {t('app.bulk.each_changed', { names: bulk.names.join(', ') })}
        </DialogContentText>
        <Stack spacing={2}>
          {children}
          <ReasonField required value={reason} onChange={setReason} max={maxReason} helperText={t('app.bulk.reason_hint')} />
        </Stack>
        {bulk.summary}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{bulk.summary ? t('app.common.close') : t('app.common.cancel')}</Button>
        <Button
          variant="contained"
          color={color}
          disabled={bulk.pending || !ready || reason.trim().length < MIN_REASON || !!tooLong(reason, maxReason)}
          onClick={() => bulk.send((api, id) => command(api, id, reason.trim()))}
        >
          {bulk.confirmLabel(confirm)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

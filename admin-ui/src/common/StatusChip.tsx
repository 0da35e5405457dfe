import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';

// One palette for every status the API returns: the names mean the same everywhere. Amber waits
// on someone, blue is under way, green is done; statuses without a colour show outlined.
const COLORS: Record<string, ChipProps['color']> = {
  RUNNING: 'info',
  ACTIVE: 'info',
  IN_PROGRESS: 'info',
  OPEN: 'warning',
  ACTIVE_LEAD: 'info',
  ONBOARDING: 'info',
  PROSPECT: 'warning',
  IN_REVIEW: 'warning',
  REVISIONS_REQUESTED: 'warning',
  CHANGES_REQUESTED: 'warning',
  PENDING: 'warning',
  REQUIRES_ACTION: 'warning',
  PENDING_FINANCE: 'warning',
  PENDING_CUSTOMER: 'warning',
  PARTIALLY_PAID: 'warning',
  SENT: 'warning',
  SIGNED: 'success',
  COMPLETED: 'success',
  CLIENT_0_90_DAYS: 'success',
  CLIENT_90_DAYS_1_YEAR: 'success',
  ESTABLISHED: 'success',
  FORMER_CLIENT: 'default',
  ACCEPTED: 'success',
  APPROVED: 'success',
  ANSWERED: 'success',
  SIGNED_OFF: 'success',
  PAID: 'success',
  PUBLISHED: 'success',
  SUCCEEDED: 'success',
  LOST: 'default',
  DUE: 'warning',
  HELD: 'success',
  MISSED: 'error',
  CANCELLED: 'default',
  CANCELED: 'default',
  REJECTED: 'default',
  VOID: 'default',
  REFUNDED: 'default',
  FAILED: 'error',
};

/** PARTIALLY_PAID → "partially paid". */
export const statusLabel = (status: string) => status.toLowerCase().replaceAll('_', ' ');

/** A status as people read it in the UI's language (app.status.<STATUS>); one the catalogue lacks, in words. */
export function useStatusLabel() {
  const translate = useTranslate();
  return (status: string) => translate(`app.status.${status}`, { _: statusLabel(status) });
}

export const StatusChip = ({ status, label }: { status: string; label?: string }) => {
  const statusName = useStatusLabel();
  return <Chip size="small" label={label ?? statusName(status)} color={COLORS[status] ?? 'default'} variant={COLORS[status] ? 'filled' : 'outlined'} />;
};

export const statusChoices = (statuses: readonly string[]) => statuses.map((id) => ({ id, name: statusLabel(id) }));

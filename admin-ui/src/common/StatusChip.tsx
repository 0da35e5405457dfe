import { Chip, type ChipProps } from '@mui/material';

// One palette for the journey, task and customer statuses: the names mean the same everywhere.
const COLORS: Record<string, ChipProps['color']> = {
  RUNNING: 'info',
  OPEN: 'warning',
  LEAD: 'info',
  PROSPECT: 'warning',
  COMPLETED: 'success',
  CLIENT: 'success',
  LOST: 'default',
  CANCELLED: 'default',
  FAILED: 'error',
};

export const StatusChip = ({ status }: { status: string }) => (
  <Chip size="small" label={status.toLowerCase()} color={COLORS[status] ?? 'default'} variant={COLORS[status] ? 'filled' : 'outlined'} />
);

export const statusChoices = (statuses: readonly string[]) => statuses.map((id) => ({ id, name: id.toLowerCase() }));

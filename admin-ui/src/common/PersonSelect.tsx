// Choosing a person from the staff for a task or a ticket, or nobody (back to the queue): the
// people `eligible` keeps, from the users list; while it loads the choice waits, and if it cannot
// load the person is told instead of shown an empty list.
import { Alert, MenuItem, TextField } from '@mui/material';
import { useRoleLabel } from './useRoleLabel';
import { useUsers } from './useUserNames';
import { useT } from '../i18n/useT';
import type { User } from '../types';

/** The value that stands for nobody. */
export const NOBODY = '';

export const PersonSelect = ({
  label,
  value,
  onChange,
  eligible,
  nobody,
  helperText,
  error,
  withRoles = false,
}: {
  label: string;
  value: string;
  onChange: (userId: string) => void;
  eligible: (user: User) => boolean;
  /** What choosing nobody means, e.g. "Nobody: back to the sales queue". */
  nobody: string;
  helperText: string;
  error?: string;
  /** Each person's roles beside their name (when people of several queues are offered). */
  withRoles?: boolean;
}) => {
  const { data: users, isPending, error: loadError } = useUsers();
  const t = useT();
  const roleLabel = useRoleLabel();
  if (loadError) return <Alert severity="error">{t('app.common.people_failed')}</Alert>;
  return (
    <TextField
      select
      fullWidth
      label={label}
      value={isPending ? NOBODY : value}
      onChange={(e) => onChange(e.target.value)}
      disabled={isPending}
      error={!!error}
      helperText={error ?? helperText}
      // "Nobody" is a choice too: show it rather than an empty box.
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      <MenuItem value={NOBODY}>
        <em>{nobody}</em>
      </MenuItem>
      {(users ?? []).filter(eligible).map((user) => (
        <MenuItem key={user.id} value={user.id}>
          {withRoles ? `${user.name} · ${user.roles.map(roleLabel).join(', ')}` : user.name}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** The person chosen, once the users list is in. */
export function usePerson(id: string): User | undefined {
  const { data: users } = useUsers();
  return users?.find((u) => u.id === id);
}

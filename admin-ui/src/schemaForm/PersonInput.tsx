// A person's name in a task's form (the project manager, the team): chosen from the staff, with
// their roles beside each name so the right people are easy to find, or typed for someone from
// outside (a contractor). The value is the name, as the form takes it.
import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { useInput, type InputProps } from 'react-admin';
import { useRoleLabel } from '../common/useRoleLabel';
import { useUsers } from '../common/useUserNames';
import { useT } from '../i18n/useT';

export const PersonInput = (props: InputProps & { label: string; helperText?: string | false }) => {
  const { field, fieldState, isRequired } = useInput(props);
  const { data: users } = useUsers();
  const t = useT();
  const roleLabel = useRoleLabel();
  const staff = (users ?? []).filter((u) => u.active);
  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  return (
    <Autocomplete
      freeSolo
      autoSelect // a name typed but not chosen is kept when the field loses focus
      options={staff.map((u) => u.name)}
      value={(field.value as string | undefined) ?? ''}
      onChange={(_, value) => field.onChange(value ?? '')}
      onInputChange={(_, value, reason) => reason === 'input' && field.onChange(value)}
      onBlur={field.onBlur}
      renderOption={(optionProps, name) => {
        const user = staff.find((u) => u.name === name);
        return (
          <Box component="li" {...optionProps} key={name}>
            <span>{name}</span>
            {user && (
              <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                {user.roles.map(roleLabel).join(', ')}
              </Typography>
            )}
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          name={field.name}
          inputRef={field.ref}
          label={props.label}
          required={isRequired}
          error={!!error}
          helperText={error ?? (props.helperText || t('app.form.choose_person'))}
          sx={{ minWidth: 220 }}
        />
      )}
    />
  );
};

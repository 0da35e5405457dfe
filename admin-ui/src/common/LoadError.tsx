import { Alert } from '@mui/material';
import { useShowContext } from 'react-admin';

/** A show page whose record failed to load says why, in place, rather than redirecting to the list. */
export const LoadError = () => {
  const { error } = useShowContext();
  return (
    <Alert severity="error" sx={{ mt: 1 }}>
      {error?.message || 'This page could not be loaded.'}
    </Alert>
  );
};

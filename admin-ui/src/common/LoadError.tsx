import { Alert, Button } from '@mui/material';
import { useListContext, useRefresh, useShowContext } from 'react-admin';
import { useT } from '../i18n/useT';

/** An error where content would be, with a way to load it again. */
export const ErrorAlert = ({ error, fallback }: { error: Error | null | undefined; fallback: string }) => {
  const refresh = useRefresh();
  const t = useT();
  return (
    <Alert
      severity="error"
      sx={{ m: 1 }}
      action={
        <Button color="inherit" size="small" onClick={refresh}>
          {t('app.common.retry')}
        </Button>
      }
    >
      {error?.message || fallback}
    </Alert>
  );
};

/** A show page whose record failed to load says why, in place, rather than redirecting to the list. */
export const LoadError = () => <ErrorAlert error={useShowContext().error} fallback={useT()('app.common.page_failed')} />;

/** A list that failed to load says why where its rows would be. */
export const ListLoadError = () => <ErrorAlert error={useListContext().error} fallback={useT()('app.common.list_failed')} />;

// Something typed and never sent because someone else acted first (a task completed by another,
// a ticket closed): shown to copy, until the person discards it.
import CopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, AlertTitle, Button, Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { useNotify } from 'react-admin';
import { useT } from '../i18n/useT';

export const UnsentAlert = ({
  title,
  copyText,
  onDiscard,
  children,
  testId,
}: {
  title: string;
  /** What Copy puts on the clipboard. */
  copyText: string;
  onDiscard: () => void;
  /** What happened, and what was typed. */
  children: ReactNode;
  testId?: string;
}) => {
  const notify = useNotify();
  const t = useT();
  const copy = () =>
    navigator.clipboard.writeText(copyText).then(
      () => notify(t('app.common.copied'), { type: 'info' }),
      () => notify(t('app.common.copy_refused'), { type: 'warning' }),
    );
  return (
    <Alert severity="warning" data-testid={testId}>
      <AlertTitle>{title}</AlertTitle>
      {children}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button size="small" startIcon={<CopyIcon />} onClick={copy}>
          {t('app.common.copy')}
        </Button>
        <Button size="small" color="inherit" onClick={onDiscard}>
          {t('app.common.discard')}
        </Button>
      </Stack>
    </Alert>
  );
};

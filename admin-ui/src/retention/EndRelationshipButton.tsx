// Managers record that a customer leaves, saying why: the retention journey ends the account and
// the customer becomes a former client.
import LeaveIcon from '@mui/icons-material/PersonOff';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useT } from '../i18n/useT';
import { ReasonDialog } from '../journeys/ReasonDialog';
import type { ClientAccount } from '../types';

export const EndRelationshipButton = ({ account, companyName }: { account: ClientAccount; companyName: string }) => {
  const [open, setOpen] = useState(false);
  const t = useT();
  return (
    <>
      <Button color="error" size="small" startIcon={<LeaveIcon />} onClick={() => setOpen(true)}>
        {t('app.retention.leaves')}
      </Button>
      {open && (
        <ReasonDialog
          title={t('app.retention.leaves_title', { name: companyName })}
          confirm={t('app.retention.leaves_confirm')}
          keep={t('app.retention.leaves_keep')}
          color="error"
          command={(api, reason) => api.endAccount(account.customerId, reason)}
          done={t('app.retention.leaves_done')}
          onClose={() => setOpen(false)}
        >
          {t('app.retention.leaves_body', { name: companyName })}
        </ReasonDialog>
      )}
    </>
  );
};

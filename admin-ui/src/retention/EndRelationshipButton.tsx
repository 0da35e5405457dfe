// Managers record that a customer leaves, saying why: the retention journey ends the account and
// the customer becomes a former client.
import LeaveIcon from '@mui/icons-material/PersonOff';
import { Button } from '@mui/material';
import { useState } from 'react';
import { ReasonDialog } from '../journeys/ReasonDialog';
import type { ClientAccount } from '../types';

export const EndRelationshipButton = ({ account, companyName }: { account: ClientAccount; companyName: string }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button color="error" size="small" startIcon={<LeaveIcon />} onClick={() => setOpen(true)}>
        Customer leaves
      </Button>
      {open && (
        <ReasonDialog
          title={`${companyName} leaves?`}
          confirm="Record that they leave"
          keep="Keep the account"
          color="error"
          command={(api, reason) => api.endAccount(account.customerId, reason)}
          done="The account is ending"
          onClose={() => setOpen(false)}
        >
          No more check-ins: the open ones are closed, the account ends and {companyName} becomes a former client. The reason is kept on the account
          and its journey.
        </ReasonDialog>
      )}
    </>
  );
};

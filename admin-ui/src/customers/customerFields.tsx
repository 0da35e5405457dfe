import { Stack, Typography } from '@mui/material';
import { RelativeTime } from '../common/RelativeTime';
import { StatusChip } from '../common/StatusChip';
import type { Customer, LifecyclePhase } from '../types';

/** Seed 003's names for the phases, in the order a customer goes through them. */
export const LIFECYCLE_LABELS: Record<LifecyclePhase, string> = {
  PROSPECT: 'Prospect',
  ACTIVE_LEAD: 'Active lead',
  ONBOARDING: 'Onboarding',
  CLIENT_0_90_DAYS: 'Client, 0-90 days',
  CLIENT_90_DAYS_1_YEAR: 'Client, 90 days-1 year',
  ESTABLISHED: 'Established, 1 year+',
  FORMER_CLIENT: 'Former client',
};

export const lifecycleChoices = Object.entries(LIFECYCLE_LABELS).map(([id, name]) => ({ id, name }));

/** The customer's phase and how long they have been in it. */
export const Lifecycle = ({ customer }: { customer: Customer }) => (
  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
    <StatusChip status={customer.lifecycle} label={LIFECYCLE_LABELS[customer.lifecycle]} />
    <Typography variant="body2" color="text.secondary" component="span">
      since <RelativeTime date={customer.lifecycleSince} />
    </Typography>
  </Stack>
);

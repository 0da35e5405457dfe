// A retention journey's page shows the account it keeps: the same section as the customer's page.
import { AccountSection } from '../../retention/AccountSection';
import type { JourneyDetail } from '../../types';

export const AccountOfJourney = ({ journey }: { journey: JourneyDetail }) => (
  <AccountSection customer={{ id: journey.customerId, companyName: journey.customer?.companyName ?? 'The customer' }} />
);

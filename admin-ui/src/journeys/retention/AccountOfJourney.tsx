// A retention journey's page shows the account it keeps: the same section as the customer's page.
import { AccountSection } from '../../retention/AccountSection';
import { useT } from '../../i18n/useT';
import type { JourneyDetail } from '../../types';

export const AccountOfJourney = ({ journey }: { journey: JourneyDetail }) => {
  const t = useT();
  return <AccountSection customer={{ id: journey.customerId, companyName: journey.customer?.companyName ?? t('app.timeline.the_customer') }} />;
};

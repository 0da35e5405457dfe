import { useGetOne } from 'react-admin';
import type { JourneyDetail } from '../types';

/**
 * The currency of a project's amounts: its quote's. The project does not carry it, so it is read
 * off the invoices or quotes on the page; before the first invoice, a delivery journey has neither,
 * and asks the acquisition journey that won the project for its quote.
 */
export function useProjectCurrency(journey: JourneyDetail): string | undefined {
  const project = journey.project;
  const quoteCurrency = (quotes: JourneyDetail['quotes'] | undefined) => quotes?.find((q) => q.id === project?.quoteId)?.currency;
  const onPage = project?.invoices[0]?.currency ?? journey.invoices[0]?.currency ?? quoteCurrency(journey.quotes);
  const { data: acquisition } = useGetOne<JourneyDetail>('journeys', { id: project?.journeyId ?? '' }, { enabled: !!project && !onPage });
  return onPage ?? quoteCurrency(acquisition?.quotes);
}

import { InvoiceStatement } from '../../invoices/InvoiceStatement';
import type { JourneyDetail } from '../../types';

/** The invoice a billing journey is about, in full (left out by the API for roles that may not read it). */
export const InvoiceSection = ({ journey }: { journey: JourneyDetail }) => (
  <>
    {journey.invoices.map((invoice) => (
      <InvoiceStatement key={invoice.id} invoice={invoice} />
    ))}
  </>
);

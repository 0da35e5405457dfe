import { useTranslate } from 'react-admin';
import { humanize } from '../common/humanize';

/** An invoice's or a line's kind (`late-fee`) as people read it: app.invoice.kinds, else in words. */
export function useInvoiceKindLabel() {
  const translate = useTranslate();
  return (kind: string) => translate(`app.invoice.kinds.${kind}`, { _: humanize(kind) });
}

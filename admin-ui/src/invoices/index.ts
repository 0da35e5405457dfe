import InvoiceIcon from '@mui/icons-material/ReceiptLong';
import type { InvoiceRow } from '../types';
import { InvoiceList } from './InvoiceList';

export default {
  list: InvoiceList,
  icon: InvoiceIcon,
  recordRepresentation: (invoice: InvoiceRow) => invoice.number,
};

import CustomerIcon from '@mui/icons-material/Business';
import type { Customer } from '../types';
import { CustomerList } from './CustomerList';
import { CustomerShow } from './CustomerShow';

export default {
  list: CustomerList,
  show: CustomerShow,
  icon: CustomerIcon,
  recordRepresentation: (customer: Customer) => customer.companyName,
};

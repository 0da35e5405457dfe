import { DataTable, EmailField, List, SelectInput, TextInput } from 'react-admin';
import { RelativeTime } from '../common/RelativeTime';
import { StatusChip, statusChoices } from '../common/StatusChip';
import type { Customer } from '../types';
import { CUSTOMER_STATUSES } from './customerFields';

const Column = DataTable.Col<Customer>;

const filters = [
  <SelectInput key="status" source="status" choices={statusChoices(CUSTOMER_STATUSES)} alwaysOn />,
  <TextInput key="email" source="email" label="Exact email" />,
];

export const CustomerList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="companyName" label="Company" />
      <Column source="contactName" label="Contact" disableSort />
      <Column source="email" field={EmailField} disableSort />
      <Column source="phone" disableSort />
      <Column source="status" render={(customer) => <StatusChip status={customer.status} />} />
      <Column source="createdAt" label="Since" render={(customer) => <RelativeTime date={customer.createdAt} />} />
    </DataTable>
  </List>
);

import CustomerIcon from '@mui/icons-material/Business';
import { DataTable, EmailField, SelectInput, TextInput, useListContext } from 'react-admin';
import { List } from '../common/List';
import { EmptyState } from '../common/EmptyState';
import { ListLoadError } from '../common/LoadError';
import { RelativeTime } from '../common/RelativeTime';
import { CompactList, ResponsiveList } from '../common/ResponsiveList';
import { RowLink } from '../common/RowLink';
import { useT } from '../i18n/useT';
import type { Customer } from '../types';
import { Lifecycle, lifecycleChoices } from './customerFields';

const Column = DataTable.Col<Customer>;

const filters = [
  <SelectInput key="lifecycle" source="lifecycle" choices={lifecycleChoices} alwaysOn />,
  <TextInput key="email" source="email" label="app.lists.exact_email" />,
];

const NoCustomers = () => {
  const filtered = Object.keys(useListContext().filterValues).length > 0;
  const t = useT();
  return (
    <EmptyState icon={<CustomerIcon />} title={filtered ? t('app.empty_list.refined', { noun: t('app.empty_list.nouns.customers') }) : t('app.empty_list.no_customers')}>
      {filtered ? t('app.empty_list.clear_a_filter') : t('app.empty_list.customers_hint')}
    </EmptyState>
  );
};

/** On a phone: the company, who to talk to and how, its phase and since when it is a customer. */
const CustomerCards = () => (
  <CompactList<Customer>
    primary={(customer) => customer.companyName}
    tertiary={(customer) => <RelativeTime date={customer.createdAt} />}
    secondary={(customer) => [customer.contactName, customer.email, customer.phone].filter(Boolean).join(' · ')}
    chips={(customer) => <Lifecycle customer={customer} />}
    empty={<NoCustomers />}
  />
);

export const CustomerList = () => (
  <List
    filters={filters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={false}
    error={<ListLoadError />}
  >
    <ResponsiveList phone={<CustomerCards />}>
      <DataTable rowClick="show" bulkActionButtons={false} empty={<NoCustomers />}>
        <Column source="companyName" render={(customer) => <RowLink>{customer.companyName}</RowLink>} />
        <Column source="contactName" disableSort />
        <Column source="email" field={EmailField} disableSort />
        <Column source="phone" disableSort />
        <Column source="lifecycle" disableSort render={(customer) => <Lifecycle customer={customer} />} />
        <Column source="createdAt" render={(customer) => <RelativeTime date={customer.createdAt} />} />
      </DataTable>
    </ResponsiveList>
  </List>
);

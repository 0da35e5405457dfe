// The page's question: a period (journeys started in it), a journey kind, and a segment of leads.
import { MenuItem, Stack, TextField } from '@mui/material';
import { useGetList } from 'react-admin';
import { useUsers } from '../common/useUserNames';
import type { AnalyticsQuery } from './report';

type Props = { value: AnalyticsQuery; onChange: (q: AnalyticsQuery) => void };

export const AnalyticsFilters = ({ value, onChange }: Props) => {
  const kinds = useGetList<{ id: string; title: string }>('journey-kinds', { pagination: { page: 1, perPage: 50 } }, { staleTime: Infinity });
  const sales = (useUsers().data ?? []).filter((u) => u.roles.includes('sales'));
  const set = (field: keyof AnalyticsQuery) => (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...value, [field]: e.target.value });
  const common = { size: 'small' as const, sx: { minWidth: 150, flex: '1 1 150px' } };
  return (
    <Stack direction="row" useFlexGap spacing={1.5} sx={{ flexWrap: 'wrap', mb: 2 }} data-testid="analytics-filters">
      <TextField {...common} label="From" type="date" value={value.from} onChange={set('from')} slotProps={{ inputLabel: { shrink: true } }} />
      <TextField {...common} label="To (before)" type="date" value={value.to} onChange={set('to')} slotProps={{ inputLabel: { shrink: true } }} />
      <TextField {...common} select label="Journey kind" value={value.kind} onChange={set('kind')}>
        {(kinds.data ?? [{ id: value.kind, title: value.kind }]).map((k) => (
          <MenuItem key={k.id} value={k.id}>
            {k.title}
          </MenuItem>
        ))}
      </TextField>
      <TextField {...common} label="Project type" value={value.projectType} onChange={set('projectType')} />
      <TextField {...common} label="Budget range" value={value.budgetRange} onChange={set('budgetRange')} />
      <TextField {...common} select label="Source" value={value.source} onChange={set('source')}>
        <MenuItem value="">Any</MenuItem>
        <MenuItem value="new">New customers</MenuItem>
        <MenuItem value="returning">Returning clients</MenuItem>
        <MenuItem value="referral">Referred by a client</MenuItem>
      </TextField>
      <TextField {...common} select label="Salesperson" value={value.salesperson} onChange={set('salesperson')}>
        <MenuItem value="">Anyone</MenuItem>
        {sales.map((u) => (
          <MenuItem key={u.id} value={u.id}>
            {u.name}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
};

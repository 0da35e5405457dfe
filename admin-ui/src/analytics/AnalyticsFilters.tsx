// The page's question: a period (journeys started in it), a journey kind, and a segment of leads.
import { MenuItem, Stack, TextField } from '@mui/material';
import { useGetList } from 'react-admin';
import { useUsers } from '../common/useUserNames';
import { useT } from '../i18n/useT';
import type { AnalyticsQuery } from './report';

type Props = { value: AnalyticsQuery; onChange: (q: AnalyticsQuery) => void };

export const AnalyticsFilters = ({ value, onChange }: Props) => {
  const t = useT();
  const kinds = useGetList<{ id: string; title: string }>('journey-kinds', { pagination: { page: 1, perPage: 50 } }, { staleTime: Infinity });
  const sales = (useUsers().data ?? []).filter((u) => u.roles.includes('sales'));
  const set = (field: keyof AnalyticsQuery) => (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...value, [field]: e.target.value });
  const common = { size: 'small' as const, sx: { minWidth: 150, flex: '1 1 150px' } };
  return (
    <Stack direction="row" useFlexGap spacing={1.5} sx={{ flexWrap: 'wrap', mb: 2 }} data-testid="analytics-filters">
      <TextField {...common} label={t('app.analytics.filters.from')} type="date" value={value.from} onChange={set('from')} slotProps={{ inputLabel: { shrink: true } }} />
      <TextField {...common} label={t('app.analytics.filters.to')} type="date" value={value.to} onChange={set('to')} slotProps={{ inputLabel: { shrink: true } }} />
      <TextField {...common} select label={t('app.analytics.filters.kind')} value={value.kind} onChange={set('kind')}>
        {(kinds.data ?? [{ id: value.kind, title: value.kind }]).map((k) => (
          <MenuItem key={k.id} value={k.id}>
            {k.title}
          </MenuItem>
        ))}
      </TextField>
      <TextField {...common} label={t('app.analytics.filters.project_type')} value={value.projectType} onChange={set('projectType')} />
      <TextField {...common} label={t('app.analytics.filters.budget_range')} value={value.budgetRange} onChange={set('budgetRange')} />
      <TextField {...common} select label={t('app.analytics.filters.source')} value={value.source} onChange={set('source')}>
        <MenuItem value="">{t('app.analytics.filters.any_source')}</MenuItem>
        <MenuItem value="new">{t('app.analytics.filters.sources.new')}</MenuItem>
        <MenuItem value="returning">{t('app.analytics.filters.sources.returning')}</MenuItem>
        <MenuItem value="referral">{t('app.analytics.filters.sources.referral')}</MenuItem>
      </TextField>
      <TextField {...common} select label={t('app.analytics.filters.salesperson')} value={value.salesperson} onChange={set('salesperson')}>
        <MenuItem value="">{t('app.analytics.filters.anyone')}</MenuItem>
        {sales.map((u) => (
          <MenuItem key={u.id} value={u.id}>
            {u.name}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
};

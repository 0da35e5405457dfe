// The app bar's search: customers, journeys, tasks, invoices and tickets by what a person types
// (GET /api/search), grouped by type. Keyboard-first: "/" or Ctrl+K (Cmd+K) focuses it, the arrows move
// through the results, Enter opens one, Escape closes. On a phone it is a button that opens the
// box on a screen of its own.
import CloseIcon from '@mui/icons-material/Close';
import SearchIcon from '@mui/icons-material/Search';
import { Autocomplete, Box, Dialog, IconButton, InputAdornment, TextField, Tooltip, Typography, useMediaQuery, type Theme } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { statusLabel } from '../common/StatusChip';
import { formatMoney } from '../common/money';
import { useDebounced } from '../common/useDebounced';
import { dataProvider, errorMessage } from '../dataProvider';
import { useT } from '../i18n/useT';
import { calendarDate } from '../common/RelativeTime';
import { journeyPath } from '../journeys/journeyFields';
import { useJourneyKinds } from '../journeys/stageLabels';
import { ticketNumber, ticketStatusLabel } from '../support/ticketFields';
import type { SearchResults } from '../types';

type Hit = { key: string; group: string; label: string; detail: string; path: string };

const MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);

function hitsOf(results: SearchResults, kinds: ReturnType<typeof useJourneyKinds>, t: ReturnType<typeof useT>): Hit[] {
  return [
    ...results.customers.map((c) => ({ key: `c${c.id}`, group: t('app.search.groups.customers'), label: c.companyName, detail: `${c.contactName} · ${c.email}`, path: `/customers/${c.id}/show` })),
    ...results.journeys.map((j) => ({
      key: `j${j.id}`,
      group: t('app.search.groups.journeys'),
      label: `${kinds.kindTitle(j.kind)} · ${j.companyName}`,
      detail: `${kinds.stageLabel(j.kind, j.stage)} · ${statusLabel(j.status)}`,
      path: journeyPath(j.id),
    })),
    ...results.tasks.map((task) => ({
      key: `t${task.id}`,
      group: t('app.search.groups.tasks'),
      label: task.title,
      detail: `${task.companyName} · ${task.status === 'OPEN' ? t('app.search.due', { date: calendarDate(task.dueAt) }) : statusLabel(task.status)}`,
      path: `/tasks/${task.id}/show`,
    })),
    ...(results.invoices ?? []).map((i) => ({
      key: `i${i.id}`,
      group: t('app.search.groups.invoices'),
      label: `${i.number} · ${i.companyName}`,
      detail: `${formatMoney(i.totalMinor, i.currency)} · ${statusLabel(i.status)}`,
      path: journeyPath(i.journeyId),
    })),
    ...(results.tickets ?? []).map((ticket) => ({
      key: `k${ticket.id}`,
      group: t('app.search.groups.tickets'),
      label: `${ticketNumber(ticket)} · ${ticket.subject}`,
      detail: `${ticket.companyName} · ${ticketStatusLabel(ticket.status)}`,
      path: `/tickets/${ticket.id}/show`,
    })),
  ];
}

const SearchBox = ({ autoFocus = false, onDone }: { autoFocus?: boolean; onDone?: () => void }) => {
  const navigate = useNavigate();
  const kinds = useJourneyKinds();
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const ready = q.length >= 2;
  const { data, isFetching, error } = useQuery({ queryKey: ['search', q], queryFn: () => dataProvider.search(q), enabled: ready, staleTime: 10_000 });
  // Results of what is typed now, never of what was typed before: Enter on a stale top hit would open the wrong record.
  const settled = text.trim() === q;
  const hits = ready && settled && data ? hitsOf(data, kinds, t) : [];

  // "/" (outside a field) or Ctrl+K (Cmd+K on a Mac, where Ctrl+K edits text) from anywhere: to the search box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if ((e.key === '/' && !typing) || (e.key.toLowerCase() === 'k' && (MAC ? e.metaKey : e.ctrlKey))) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const empty = !ready
    ? t('app.search.type_more')
    : error
      ? errorMessage(error, t('app.search.failed'))
      : isFetching || !settled
        ? t('app.search.searching')
        : t('app.search.nothing', { q });
  return (
    <Autocomplete<Hit, false, false, false>
      options={hits}
      groupBy={(hit) => hit.group}
      getOptionLabel={(hit) => hit.label}
      getOptionKey={(hit) => hit.key}
      filterOptions={(options) => options}
      inputValue={text}
      onInputChange={(_e, value, reason) => reason === 'input' && setText(value)}
      value={null}
      onChange={(_e, hit) => {
        if (!hit) return;
        navigate(hit.path);
        setText('');
        input.current?.blur();
        onDone?.();
      }}
      autoHighlight
      loading={ready && isFetching}
      noOptionsText={empty}
      loadingText={t('app.search.searching')}
      openOnFocus={false}
      forcePopupIcon={false}
      slotProps={{ listbox: { sx: { maxHeight: '70vh' } } }}
      sx={{ flex: { xs: 1, sm: 'none' }, width: { sm: 260, md: 340 } }}
      renderOption={({ key, ...props }, hit) => (
        <li key={key} {...props}>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2" noWrap>
              {hit.label}
            </Typography>
            <Typography variant="caption" color="text.secondary" noWrap component="div">
              {hit.detail}
            </Typography>
          </Box>
        </li>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          inputRef={input}
          autoFocus={autoFocus}
          placeholder={t('app.search.placeholder')}
          size="small"
          variant="outlined"
          sx={{ '& .MuiInputBase-root': { bgcolor: 'background.paper', borderRadius: 1 } }}
          slotProps={{
            ...params.slotProps,
            input: { ...params.slotProps.input, startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> },
            htmlInput: { ...params.slotProps.htmlInput, 'aria-label': t('app.search.label'), type: 'search' },
          }}
        />
      )}
    />
  );
};

export const GlobalSearch = () => {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  const t = useT();
  if (!phone) return <SearchBox />;
  return (
    <>
      <Tooltip title={t('app.search.open')}>
        <IconButton color="inherit" aria-label={t('app.search.label')} onClick={() => setOpen(true)}>
          <SearchIcon />
        </IconButton>
      </Tooltip>
      <Dialog open={open} onClose={() => setOpen(false)} fullScreen aria-label={t('app.search.label')}>
        <Box sx={{ p: 2, display: 'flex', gap: 1, alignItems: 'center' }}>
          <SearchBox autoFocus onDone={() => setOpen(false)} />
          <IconButton aria-label={t('app.search.close')} onClick={() => setOpen(false)}>
            <CloseIcon />
          </IconButton>
        </Box>
      </Dialog>
    </>
  );
};

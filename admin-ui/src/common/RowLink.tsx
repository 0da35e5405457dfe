// Keyboard and screen-reader access to a table's rows. A DataTable's `rowClick` row is not
// focusable: the row's main text is a real link to the page the row opens (Tab reaches it, Enter
// opens it, a screen reader lists it); a click on it is not also a row click. And DataTable's own
// expand button is out of the tab order and hidden from screen readers (tabIndex -1,
// aria-hidden): ExpandToggle takes its place, named for its row.
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { IconButton } from '@mui/material';
import type { MouseEvent, ReactNode } from 'react';
import { Link, useCreatePath, useExpanded, useRecordContext, useResourceContext } from 'react-admin';
import { useT } from '../i18n/useT';

const stop = (event: MouseEvent) => event.stopPropagation();

/** The row's record's page (its show page unless `to` says otherwise), as a link around `children`. */
export const RowLink = ({ to, children }: { to?: string; children: ReactNode }) => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const createPath = useCreatePath();
  const path = to ?? (record ? createPath({ resource, id: record.id, type: 'show' }) : '');
  return (
    <Link
      to={path}
      onClick={stop}
      color="inherit"
      underline="hover"
      sx={{ '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2, borderRadius: 0.5 } }}
    >
      {children}
    </Link>
  );
};

/** Opens and closes the row's expand panel; `label` names the row ("lines of invoice INV-7"). */
export const ExpandToggle = ({ label }: { label: string }) => {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const [expanded, toggle] = useExpanded(resource, record?.id ?? '');
  const t = useT();
  return (
    <IconButton
      size="small"
      aria-label={t(expanded ? 'app.lists.hide' : 'app.lists.show', { what: label })}
      aria-expanded={expanded}
      aria-controls={`${resource}-${record?.id}-expand`}
      onClick={(event) => {
        event.stopPropagation();
        toggle();
      }}
    >
      <ExpandMoreIcon fontSize="small" sx={{ transform: expanded ? 'rotate(180deg)' : 'none', transition: (theme) => theme.transitions.create('transform') }} />
    </IconButton>
  );
};

/** For a DataTable whose rows carry an ExpandToggle: its own expand column, out of reach of keyboards, hidden. */
export const withoutBuiltInExpandSx = { '& .RaDataTable-expandHeader, & .RaDataTable-expandIconCell': { display: 'none' } };

// The files on a ticket (the customer's screenshots, logs, PDFs), each a download.
import FileIcon from '@mui/icons-material/AttachFile';
import { List, ListItem, ListItemIcon, ListItemText, Link as MuiLink } from '@mui/material';
import { RelativeTime } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import { useUserNames } from '../common/useUserNames';
import { useT } from '../i18n/useT';
import type { TicketDetail } from '../types';

// Bytes spelled out ("27 bytes": the short form says "27 byte"), larger sizes short ("3 kB").
const units = (unit: 'byte' | 'kilobyte' | 'megabyte') =>
  new Intl.NumberFormat(undefined, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: unit === 'megabyte' ? 1 : 0 });
const [bytes, kilobytes, megabytes] = [units('byte'), units('kilobyte'), units('megabyte')];
const sizeOf = (n: number) => (n < 1024 ? bytes.format(n) : n < 1024 * 1024 ? kilobytes.format(n / 1024) : megabytes.format(n / 1024 / 1024));

export const TicketFiles = ({ ticket }: { ticket: TicketDetail }) => {
  const userName = useUserNames();
  const t = useT();
  if (ticket.attachments.length === 0) return null;
  return (
    <SectionCard title={t('app.ticket.files')} flush>
      <List dense>
        {ticket.attachments.map((a) => (
          <ListItem key={a.id}>
            <ListItemIcon sx={{ minWidth: 32 }}>
              <FileIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText
              primary={
                <MuiLink href={`/api/tickets/${ticket.id}/attachments/${a.id}`} download={a.filename} sx={{ overflowWrap: 'anywhere' }}>
                  {a.filename}
                </MuiLink>
              }
              secondary={
                <>
                  {sizeOf(a.size)} · {a.uploadedBy === 'customer' ? t('app.ticket.file_from_customer') : t('app.ticket.file_from', { name: userName(a.uploadedBy) ?? t('app.ticket.staff') })} · <RelativeTime date={a.createdAt} />
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </SectionCard>
  );
};

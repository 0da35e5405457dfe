import { Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { humanize } from '../common/humanize';
import { RowLink } from '../common/RowLink';
import { journeyPath } from '../journeys/journeyFields';
import type { InvoiceSummary } from '../types';

export const INVOICE_KINDS = ['deposit', 'milestone', 'final'] as const;

/** What is still owed: less what was paid and credited; refunds are kept apart from what was paid, so they do not add to it. */
export const balanceOf = (invoice: Pick<InvoiceSummary, 'totalMinor' | 'paidMinor'> & { creditedMinor?: number }) => invoice.totalMinor - invoice.paidMinor - (invoice.creditedMinor ?? 0);

/** Something still owed on it (what GET /api/invoices calls `unpaid`). */
export const isOwed = (invoice: Pick<InvoiceSummary, 'status'>) => invoice.status === 'OPEN' || invoice.status === 'PARTIALLY_PAID';

/** Past its due date with something still owed, as GET /api/invoices reads `overdue`. */
export const isOverdue = (invoice: Pick<InvoiceSummary, 'status' | 'dueAt'>) => isOwed(invoice) && !!invoice.dueAt && Date.parse(invoice.dueAt) < Date.now();

/** A row click that opens the invoice's page: its billing journey's. */
export const openInvoiceJourney = (_id: unknown, _resource: unknown, invoice: Pick<InvoiceSummary, 'journeyId'>) => journeyPath(invoice.journeyId);

/** An invoice in a table: its number (a link to `link`, the page its row opens), and under it its kind (and whatever else `children` add). */
export const InvoiceNumber = ({ invoice, link, children }: { invoice: Pick<InvoiceSummary, 'number' | 'kind'>; link?: string; children?: ReactNode }) => (
  <>
    <Typography variant="body2" sx={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
      {link ? <RowLink to={link}>{invoice.number}</RowLink> : invoice.number}
    </Typography>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="caption" color="text.secondary">
        {humanize(invoice.kind)}
      </Typography>
      {children}
    </Stack>
  </>
);

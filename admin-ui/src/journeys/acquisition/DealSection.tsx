// The deal an acquisition made: every quote version it drafted with its lines and totals (the
// latest first, earlier ones folded), and the contract sent for signature with where the signature
// stands and its document. Amounts in the quote's currency.
import PdfIcon from '@mui/icons-material/PictureAsPdf';
import { Accordion, AccordionDetails, AccordionSummary, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import ExpandIcon from '@mui/icons-material/ExpandMore';
import { RecordField, usePermissions } from 'react-admin';
import { FactGrid, wide } from '../../common/FactGrid';
import { formatMoney, Money } from '../../common/money';
import { RelativeTime } from '../../common/RelativeTime';
import { SectionCard } from '../../common/SectionCard';
import { StatusChip } from '../../common/StatusChip';
import { useT } from '../../i18n/useT';
import type { Contract, JourneyDetail, Quote, Role } from '../../types';

/** Who may open a contract's document (the API's rule). */
const READS_CONTRACTS: Role[] = ['sales', 'finance', 'manager', 'admin'];

/** Quantity and unit price have columns of their own on wider screens; on a phone they go under the line. */
const wideOnly = { display: { xs: 'none', sm: 'table-cell' } } as const;

const QuoteLines = ({ quote }: { quote: Quote }) => {
  const t = useT();
  return (
    <Table size="small" aria-label={t('app.deal.lines_of', { version: quote.version })}>
      <TableHead>
        <TableRow>
          <TableCell>{t('app.deal.line')}</TableCell>
          <TableCell align="right" sx={wideOnly}>
            {t('app.deal.quantity')}
          </TableCell>
          <TableCell align="right" sx={wideOnly}>
            {t('app.deal.unit_price')}
          </TableCell>
          <TableCell align="right">{t('app.deal.amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {quote.lineItems.map((line) => (
          <TableRow key={line.id}>
            <TableCell>
              {line.description}
              <Typography variant="caption" color="text.secondary" component="div" sx={{ display: { sm: 'none' } }}>
                {line.quantity} × {formatMoney(line.unitPriceMinor, quote.currency)}
              </Typography>
            </TableCell>
            <TableCell align="right" sx={wideOnly}>
              {line.quantity}
            </TableCell>
            <TableCell align="right" sx={wideOnly}>
              <Money minor={line.unitPriceMinor} currency={quote.currency} />
            </TableCell>
            <TableCell align="right">
              <Money minor={line.totalMinor} currency={quote.currency} />
            </TableCell>
          </TableRow>
        ))}
        {quote.taxMinor !== 0 && (
          <TableRow>
            <TableCell colSpan={3} sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
              {t('app.deal.tax')}
            </TableCell>
            <TableCell sx={{ display: { sm: 'none' } }}>{t('app.deal.tax')}</TableCell>
            <TableCell align="right">
              <Money minor={quote.taxMinor} currency={quote.currency} />
            </TableCell>
          </TableRow>
        )}
        <TableRow sx={{ '& td': { borderBottom: 0, fontWeight: 600 } }}>
          <TableCell colSpan={3} sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
            {t('app.deal.total')}
          </TableCell>
          <TableCell sx={{ display: { sm: 'none' } }}>{t('app.deal.total')}</TableCell>
          <TableCell align="right">
            <Money minor={quote.totalMinor} currency={quote.currency} strong />
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
};

const QuoteFacts = ({ quote }: { quote: Quote }) => {
  const t = useT();
  return (
    <FactGrid>
      <RecordField label={t('app.deal.total')}>
        <Money minor={quote.totalMinor} currency={quote.currency} strong />
      </RecordField>
      <RecordField label={t('app.deal.deposit')}>{t('app.deal.deposit_on_signature', { percent: quote.depositPercent })}</RecordField>
      <RecordField label={t('app.deal.rest_billed')}>{quote.billing === 'MILESTONES' ? t('app.deal.as_milestones') : t('app.deal.at_completion')}</RecordField>
      <RecordField label={t('app.deal.sent')}>{quote.sentAt ? <RelativeTime date={quote.sentAt} /> : t('app.deal.not_yet')}</RecordField>
      <RecordField label={t('app.deal.answered')}>{quote.decidedAt ? <RelativeTime date={quote.decidedAt} /> : t('app.deal.not_yet')}</RecordField>
      {quote.validUntil && (
        <RecordField label={t('app.deal.valid_until')}>
          <RelativeTime date={quote.validUntil} />
        </RecordField>
      )}
      {quote.summary && (
        <RecordField label={t('app.deal.scope')} sx={wide}>
          {quote.summary}
        </RecordField>
      )}
    </FactGrid>
  );
};

const QuoteVersion = ({ quote, latest }: { quote: Quote; latest: boolean }) => {
  const t = useT();
  return (
    <Accordion defaultExpanded={latest} disableGutters variant="outlined">
      <AccordionSummary expandIcon={<ExpandIcon />} aria-controls={`quote-${quote.version}`} id={`quote-${quote.version}-summary`}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography sx={{ fontWeight: 600 }}>{t('app.deal.version', { version: quote.version })}</Typography>
          <StatusChip status={quote.status} />
          <Money minor={quote.totalMinor} currency={quote.currency} />
        </Stack>
      </AccordionSummary>
      <AccordionDetails id={`quote-${quote.version}`}>
        <Stack spacing={2}>
          <QuoteFacts quote={quote} />
          <Box sx={{ overflowX: 'auto' }}>
            <QuoteLines quote={quote} />
          </Box>
        </Stack>
      </AccordionDetails>
    </Accordion>
  );
};

const ContractFacts = ({ contract, versionOf, readsDocument }: { contract: Contract; versionOf: (quoteId: string) => number | undefined; readsDocument: boolean }) => {
  const t = useT();
  return (
    <Stack spacing={1.5}>
      <FactGrid>
        <RecordField label={t('app.deal.from')}>{t('app.deal.from_version', { version: versionOf(contract.quoteId) ?? '—' })}</RecordField>
        <RecordField label={t('app.deal.signed_through')}>{contract.provider === 'docusign' ? 'DocuSign' : t('app.deal.our_page')}</RecordField>
        <RecordField label={t('app.deal.sent')}>{contract.sentAt ? <RelativeTime date={contract.sentAt} /> : t('app.deal.not_yet')}</RecordField>
        <RecordField label={t('app.deal.signed')}>{contract.signedAt ? <RelativeTime date={contract.signedAt} /> : t('app.deal.not_yet')}</RecordField>
        {contract.expiresAt && !contract.signedAt && (
          <RecordField label={t('app.deal.signature_due')}>
            <RelativeTime date={contract.expiresAt} />
          </RecordField>
        )}
        {contract.endReason && (
          <RecordField label={t('app.deal.ended_because')} sx={wide}>
            {contract.endReason}
          </RecordField>
        )}
      </FactGrid>
      {readsDocument && contract.status !== 'DRAFT' && (
        <Box>
          <Button startIcon={<PdfIcon />} href={`/api/contracts/${encodeURIComponent(contract.id)}/document`} download>
            {t('app.deal.download')}
          </Button>
        </Box>
      )}
    </Stack>
  );
};

export const DealSection = ({ journey }: { journey: JourneyDetail }) => {
  const { permissions } = usePermissions<Role[]>();
  const t = useT();
  if (journey.quotes.length === 0) return null;
  const versions = [...journey.quotes].sort((a, b) => b.version - a.version);
  const versionOf = (quoteId: string) => journey.quotes.find((q) => q.id === quoteId)?.version;
  const readsDocument = !!permissions?.some((r) => READS_CONTRACTS.includes(r));
  return (
    <>
      <SectionCard title={versions.length > 1 ? t('app.deal.quote_versions', { smart_count: versions.length }) : t('app.deal.quote')}>
        <Stack spacing={1}>
          {versions.map((quote, i) => (
            <QuoteVersion key={quote.id} quote={quote} latest={i === 0} />
          ))}
        </Stack>
      </SectionCard>
      {journey.contracts.map((contract, i) => (
        <SectionCard key={contract.id} title={journey.contracts.length > 1 ? t('app.deal.contract_n', { n: i + 1 }) : t('app.deal.contract')} action={<StatusChip status={contract.status} />}>
          <ContractFacts contract={contract} versionOf={versionOf} readsDocument={readsDocument} />
        </SectionCard>
      ))}
    </>
  );
};

import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Button, Skeleton, Stack, Typography } from '@mui/material';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { SectionCard } from '../common/SectionCard';
import { useT } from '../i18n/useT';

/** One report's card: its content once loaded, then CSV downloads of its tables (below, so a phone keeps the title whole). */
export function ReportCard<R>({ title, report, csv, children }: { title: string; report: UseQueryResult<R>; csv: Array<{ label: string; href: string }>; children: (r: R) => ReactNode }) {
  const t = useT();
  return (
    <SectionCard title={title}>
      {report.isPending ? (
        <Skeleton variant="rounded" height={240} />
      ) : report.error ? (
        <Alert severity="error">{report.error.message || t('app.analytics.report_failed')}</Alert>
      ) : (
        children(report.data as R)
      )}
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mt: 1 }}>
        <Typography variant="caption" color="text.secondary">
          {t('app.analytics.csv')}
        </Typography>
        {csv.map((c) => (
          <Button key={c.label} size="small" startIcon={<DownloadIcon />} href={c.href} download>
            {c.label}
          </Button>
        ))}
      </Stack>
    </SectionCard>
  );
}

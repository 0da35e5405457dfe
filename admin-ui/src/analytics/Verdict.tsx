// Where a rate falls against seed 000's band for it.
import { Chip } from '@mui/material';
import { useT } from '../i18n/useT';

const VERDICT_COLOR = { below: 'error', in: 'success', above: 'info' } as const;

export const VerdictChip = ({ verdict }: { verdict: keyof typeof VERDICT_COLOR | null }) => {
  const t = useT();
  return verdict ? <Chip size="small" color={VERDICT_COLOR[verdict]} label={t(`app.analytics.verdicts.${verdict}`)} /> : <>—</>;
};

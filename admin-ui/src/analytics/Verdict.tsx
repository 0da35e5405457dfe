// Where a rate falls against seed 000's band for it.
import { Chip } from '@mui/material';

const VERDICT_COLOR = { below: 'error', in: 'success', above: 'info' } as const;

export const VerdictChip = ({ verdict }: { verdict: keyof typeof VERDICT_COLOR | null }) =>
  verdict ? <Chip size="small" color={VERDICT_COLOR[verdict]} label={`${verdict} target`} /> : <>—</>;

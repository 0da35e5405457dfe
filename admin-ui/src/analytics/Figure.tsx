// A headline figure: its label, its value large, and what it is counted over.
import { Card, CardContent, Typography } from '@mui/material';

export const Figure = ({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) => (
  <Card variant="outlined" sx={{ flex: '1 1 140px' }}>
    <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" component="p" data-testid={testId}>
        {value}
      </Typography>
      {detail && (
        <Typography variant="caption" color="text.secondary">
          {detail}
        </Typography>
      )}
    </CardContent>
  </Card>
);

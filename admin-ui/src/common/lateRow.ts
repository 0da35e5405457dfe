import { alpha } from '@mui/material';
import { red } from '@mui/material/colors';

/** A table row for something late (an overdue task, an overdue invoice): a faint tint of the default theme's error red, readable in light and dark mode. */
export const lateRowSx = { backgroundColor: alpha(red[700], 0.06) };

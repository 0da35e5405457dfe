// react-admin's light and dark themes with colours that pass WCAG AA contrast (4.5:1 for text):
// its light app bar (#2196f3) and MUI's primary, info and warning carry white or coloured text at
// 3-4.4:1, which axe-core reports as serious (test/browser/accessibility.test.ts).
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

type CheckboxState = { 'aria-label'?: string; inputProps?: { 'aria-label'?: string } };

/**
 * A checkbox's name on its input, where screen readers and axe look for it: react-admin's row
 * checkbox (DataTable's SelectRowCheckbox) hands `aria-label` to the checkbox's root span, which
 * leaves the input unnamed (critical) and the span with an attribute its role does not allow.
 */
const checkboxNamesItsInput = {
  MuiCheckbox: {
    defaultProps: {
      slotProps: {
        root: { 'aria-label': undefined },
        input: (state: CheckboxState) => ({ 'aria-label': state['aria-label'] ?? state.inputProps?.['aria-label'] }),
      },
    },
  },
} as RaThemeOptions['components'];

export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  components: { ...defaultLightTheme.components, ...checkboxNamesItsInput },
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#1565c0' },
    // The app bar's colour in react-admin's light theme.
    secondary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
    info: { main: '#01579b' },
    warning: { main: '#b45309' },
  },
};

export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  components: { ...defaultDarkTheme.components, ...checkboxNamesItsInput },
  palette: {
    ...defaultDarkTheme.palette,
    // MUI's dark red (#f44336) stays, readable as text on the dark page; on it (an overdue chip),
    // dark text reads at 5.7:1 where white read at 3.7.
    error: { main: '#f44336', contrastText: 'rgba(0, 0, 0, 0.87)' },
  },
};

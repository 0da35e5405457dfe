import { Card, CardContent, CardHeader } from '@mui/material';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/useT';

/**
 * A table too wide for the screen scrolls sideways in its own box (sectionTableSx); with nothing in
 * it to focus, a keyboard could not scroll it (WCAG 2.1.1, axe's scrollable-region-focusable). Such
 * a box is made a named, focusable region while it overflows, as the card's content changes and
 * the window is resized.
 */
function useKeyboardScrollableTables(title: ReactNode) {
  const card = useRef<HTMLDivElement>(null);
  const t = useT();
  useEffect(() => {
    const root = card.current;
    if (!root) return;
    const mark = () => {
      for (const box of root.querySelectorAll<HTMLElement>('.RaDataTable-tableWrapper')) {
        const scrolls = box.scrollWidth > box.clientWidth + 1;
        if (scrolls && !box.hasAttribute('tabindex')) {
          box.tabIndex = 0;
          box.setAttribute('role', 'region');
          box.setAttribute('aria-label', typeof title === 'string' ? t('app.common.titled_table_scrolls', { title }) : t('app.common.table_scrolls'));
        } else if (!scrolls && box.getAttribute('role') === 'region') {
          box.removeAttribute('tabindex');
          box.removeAttribute('role');
          box.removeAttribute('aria-label');
        }
      }
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(root, { childList: true, subtree: true });
    window.addEventListener('resize', mark);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', mark);
    };
  }, [title, t]);
  return card;
}

/** A titled card: one section of a page. Tables go edge to edge (`flush`); other content is padded. */
export const SectionCard = ({
  title,
  action,
  flush = false,
  children,
}: {
  title: ReactNode;
  action?: ReactNode;
  flush?: boolean;
  children: ReactNode;
}) => {
  const card = useKeyboardScrollableTables(title);
  return (
  <Card ref={card}>
    {/* On a phone the actions go under the title rather than past the screen's edge. */}
    <CardHeader title={title} action={action} slotProps={{ title: { variant: 'h6', component: 'h2' } }} sx={{ pb: 1, flexWrap: 'wrap', rowGap: 1, '& .MuiCardHeader-action': { m: 0 } }} />
    {flush ? children : <CardContent sx={{ pt: 0 }}>{children}</CardContent>}
  </Card>
  );
};

/**
 * For a DataTable in a flush SectionCard: cells of several lines align at the top; columns sit
 * closer than in a full-page list (the edges keep the card's padding), so tables of figures fit
 * half a page; one still too wide for the screen scrolls sideways instead of being cut off.
 */
export const sectionTableSx = {
  '& td': { verticalAlign: 'top' },
  '& .MuiTableCell-root': { px: 1 },
  '& .MuiTableCell-root:first-of-type': { pl: 2 },
  '& .MuiTableCell-root:last-of-type': { pr: 2 },
  '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
};

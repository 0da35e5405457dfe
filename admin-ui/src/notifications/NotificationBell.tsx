// Reminders and escalations for me or my queues: a count in the app bar, and a menu of the latest.
import BellIcon from '@mui/icons-material/Notifications';
import { Badge, Divider, IconButton, ListItemIcon, ListItemText, Menu, MenuItem, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { RelativeTime } from '../common/RelativeTime';
import { useT } from '../i18n/useT';
import type { Notification } from '../types';
import { notificationIcon } from './notificationFields';
import { useOpenNotification } from './useOpenNotification';

const SHOWN = 8;

export const NotificationBell = () => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = useOpenNotification();
  const t = useT();
  const { data, total, error } = useGetList<Notification>(
    'notifications',
    { filter: { unread: true }, sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: SHOWN } },
    { refetchInterval: 30_000 },
  );
  const unread = total ?? 0;

  const choose = (notification: Notification) => {
    setAnchor(null);
    void open(notification);
  };

  return (
    <>
      <Tooltip title={error ? t('app.notifications.failed') : t('app.notifications.unread', { smart_count: unread })}>
        <IconButton color="inherit" aria-label={unread ? t('app.notifications.button_unread', { count: unread > 99 ? '99+' : unread }) : t('app.notifications.title')} onClick={(e) => setAnchor(e.currentTarget)}>
          {/* White on error.dark: on the dark theme's error red (which carries dark text) white is under 4.5:1. */}
          <Badge badgeContent={unread || undefined} color="error" max={99} sx={{ '& .MuiBadge-badge': { bgcolor: 'error.dark', color: '#fff' } }}>
            <BellIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={!!anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 380, maxWidth: '90vw' } } }}
      >
        <Typography variant="subtitle2" sx={{ px: 2, py: 1 }}>
          {t('app.notifications.title')}
        </Typography>
        <Divider />
        {data?.length ? (
          data.map((notification) => (
            <MenuItem key={notification.id} onClick={() => choose(notification)} sx={{ whiteSpace: 'normal' }}>
              <ListItemIcon>{notificationIcon(notification)}</ListItemIcon>
              <ListItemText primary={notification.title} secondary={<RelativeTime date={notification.createdAt} />} />
            </MenuItem>
          ))
        ) : (
          <MenuItem disabled>{error ? t('app.notifications.failed') : t('app.notifications.caught_up')}</MenuItem>
        )}
        {unread > SHOWN && (
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', px: 2, py: 1 }}>
            {t('app.notifications.more', { smart_count: unread - SHOWN })}
          </Typography>
        )}
      </Menu>
    </>
  );
};

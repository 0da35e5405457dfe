import QuietIcon from '@mui/icons-material/NotificationsNone';
import { Alert, List, ListItem, ListItemButton, ListItemIcon, ListItemText, Skeleton } from '@mui/material';
import { useGetList } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { RelativeTime } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import { useT } from '../i18n/useT';
import { notificationIcon } from '../notifications/notificationFields';
import { useOpenNotification } from '../notifications/useOpenNotification';
import type { Notification } from '../types';

/** The latest reminders and escalations, read or not; unread ones in bold. */
export const RecentNotifications = () => {
  const open = useOpenNotification();
  const t = useT();
  const { data, isPending, error } = useGetList<Notification>(
    'notifications',
    { sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: 6 } },
    { refetchInterval: 30_000 },
  );
  return (
    <SectionCard title={t('app.dashboard.recent_notifications')}>
      {isPending ? (
        <Skeleton variant="rounded" height={120} />
      ) : error ? (
        <Alert severity="error">{t('app.dashboard.notifications_failed')}</Alert>
      ) : data.length === 0 ? (
        <EmptyState icon={<QuietIcon />} title={t('app.dashboard.no_notifications')}>
          {t('app.dashboard.no_notifications_hint')}
        </EmptyState>
      ) : (
        <List disablePadding>
          {data.map((notification) => (
            <ListItem key={notification.id} disablePadding divider>
              <ListItemButton onClick={() => open(notification)}>
                <ListItemIcon>{notificationIcon(notification)}</ListItemIcon>
                <ListItemText
                  primary={notification.title}
                  secondary={<RelativeTime date={notification.createdAt} />}
                  slotProps={{ primary: { sx: { fontWeight: notification.readAt ? 400 : 600 } } }}
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </SectionCard>
  );
};

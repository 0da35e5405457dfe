import { useDataProvider, useNavigate, useRefresh } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import type { Notification } from '../types';

/** Marks a notification read and goes to what it is about: its task, else its journey. */
export function useOpenNotification() {
  const dataProvider = useDataProvider<AppDataProvider>();
  const navigate = useNavigate();
  const refresh = useRefresh();
  return async (notification: Notification) => {
    // Reading it must not stand between the person and the task: a failure only leaves it unread.
    if (!notification.readAt) await dataProvider.markNotificationRead(notification.id).catch(() => undefined);
    refresh();
    if (notification.taskId) navigate(`/tasks/${encodeURIComponent(notification.taskId)}/show`);
    else if (notification.journeyId) navigate(`/journeys/${encodeURIComponent(notification.journeyId)}/show`);
  };
}

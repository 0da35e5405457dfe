import EscalatedIcon from '@mui/icons-material/PriorityHigh';
import ReminderIcon from '@mui/icons-material/Alarm';
import InfoIcon from '@mui/icons-material/Info';
import FailedIcon from '@mui/icons-material/ErrorOutlineOutlined';
import type { Notification } from '../types';

export const notificationIcon = (notification: Notification) =>
  notification.kind === 'journey_failed' ? (
    <FailedIcon color="error" fontSize="small" />
  ) : notification.kind === 'task_escalated' ? (
    <EscalatedIcon color="error" fontSize="small" />
  ) : notification.kind === 'task_reminder' ? (
    <ReminderIcon color="warning" fontSize="small" />
  ) : (
    <InfoIcon color="info" fontSize="small" />
  );

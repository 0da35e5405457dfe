import TaskIcon from '@mui/icons-material/Assignment';
import type { Task } from '../types';
import { TaskList } from './TaskList';
import { TaskShow } from './TaskShow';

export default {
  list: TaskList,
  show: TaskShow,
  icon: TaskIcon,
  recordRepresentation: (task: Task) => task.title,
};

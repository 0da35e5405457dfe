import WaitIcon from '@mui/icons-material/HourglassTop';
import { WaitList } from './WaitList';

export default {
  list: WaitList,
  icon: WaitIcon,
};

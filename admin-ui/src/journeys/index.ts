import JourneyIcon from '@mui/icons-material/Route';
import type { Journey } from '../types';
import { JourneyList } from './JourneyList';
import { JourneyShow } from './JourneyShow';

export default {
  list: JourneyList,
  show: JourneyShow,
  icon: JourneyIcon,
  recordRepresentation: (journey: Journey) => journey.customer.companyName,
};

import JourneyIcon from '@mui/icons-material/Route';
import type { Journey } from '../types';
import { JourneyList } from './JourneyList';
import { JourneyShow } from './JourneyShow';

export default {
  list: JourneyList,
  show: JourneyShow,
  icon: JourneyIcon,
  // The detail of a journey only just started has no customer yet.
  recordRepresentation: (journey: Partial<Journey>) => journey.customer?.companyName ?? 'New journey',
};

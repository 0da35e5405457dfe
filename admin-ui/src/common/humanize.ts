export { humanize } from '../../../platform/humanize';

import type { JourneyDetail } from '../../types';
import { ProjectSections } from './ProjectSections';

/** The project a journey won, runs or bills. */
export const ProjectSection = ({ journey }: { journey: JourneyDetail }) => (journey.project ? <ProjectSections journey={journey} project={journey.project} /> : null);

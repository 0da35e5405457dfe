// Journey kinds and their stages as people read them: the declared stage maps' titles and labels
// (GET /api/journey-kinds), fetched once, so lists, filters and pages never show a stage's key.
import { useGetList } from 'react-admin';
import { humanize } from '../common/humanize';
import type { JourneyKindMap } from '../types';

export function useJourneyKinds() {
  const { data } = useGetList<JourneyKindMap>('journey-kinds', { pagination: { page: 1, perPage: 50 } }, { staleTime: Infinity });
  const kinds = data ?? [];
  return {
    kinds,
    /** The stage's label in its kind's map; a stage not (yet) known, in words. */
    stageLabel: (kind: string, stage: string) => kinds.find((k) => k.id === kind)?.stages.find((s) => s.id === stage)?.label ?? humanize(stage),
    kindTitle: (kind: string) => kinds.find((k) => k.id === kind)?.title ?? humanize(kind),
  };
}

export const StageName = ({ kind, stage }: { kind: string; stage: string }) => <>{useJourneyKinds().stageLabel(kind, stage)}</>;
export const KindName = ({ kind }: { kind: string }) => <>{useJourneyKinds().kindTitle(kind)}</>;

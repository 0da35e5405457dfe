// The declared stage maps as analytics reads them: any kind by its name, stages in map order.
import { journeyKinds } from '../../workflows/kinds';
import type { StageMap } from '../../workflows/runtime/stages';

const maps: Record<string, StageMap> = Object.fromEntries(Object.entries(journeyKinds).map(([kind, k]) => [kind, k.stages]));

/** A declared kind's map (the API's routes accept declared kinds only). */
export const stageMap = (kind: string): StageMap => maps[kind]!;

/** A kind's stage ids in declaration order (the order its funnel and map are drawn in). */
export const stageOrder = (kind: string): string[] => Object.keys(maps[kind]?.stages ?? {});

/** What people call a stage; its id when the map does not declare it (a stage since renamed). */
export const stageLabel = (kind: string, stage: string): string => maps[kind]?.stages[stage]?.label ?? stage;

export const stageOwner = (kind: string, stage: string): string => maps[kind]?.stages[stage]?.owner ?? 'unknown';

// Test-only journeys for the stage-map checks: one that walks its map, and ones that step off it.
import { JourneyRuntime } from '../../../../workflows/runtime/journey';
import { defineStages, type StageMap } from '../../../../workflows/runtime/stages';

const testStages = defineStages({
  kind: 'test',
  start: ['first'],
  stages: {
    first: { label: 'First', owner: 'sales', seedPhase: 'test', next: ['second'] },
    second: { label: 'Second', owner: 'pm', seedPhase: 'test', next: ['first'], ends: ['COMPLETED'] },
  },
});

/** Enters `stages` in order and ends with `status`, as the declared map allows or not. */
export async function stageWalkJourney(journeyId: string, stages: string[], status: 'COMPLETED' | 'LOST') {
  // Untyped on purpose: the compiler refuses an undeclared stage in journey code, so a journey
  // that steps off its map at run time has to get there around the types.
  const journey = new JourneyRuntime<StageMap>(journeyId, testStages);
  return journey.run(async () => {
    for (const stage of stages) await journey.enterStage(stage);
    return journey.end(status, 'done');
  });
}

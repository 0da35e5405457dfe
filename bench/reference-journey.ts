// The reference journey of bench:throughput, written with the platform's primitives: a stage, a
// human task (completed through the API: the journey's one message), a timer recorded as a wait,
// and the end. Six activities, as in its bare twin (bench/bare-workflows.ts).
import type { JourneyResult } from '../workflows/runtime/definitions';
import { JourneyRuntime } from '../workflows/runtime/journey';
import { defineStages } from '../workflows/runtime/stages';

const stages = defineStages({
  kind: 'bench-reference',
  start: ['work'],
  stages: { work: { label: 'Work', owner: 'sales', seedPhase: 'bench', next: [], ends: ['COMPLETED'] } },
});

export async function referenceJourney(input: { journeyId: string; timerMs: number }): Promise<JourneyResult> {
  const journey = new JourneyRuntime(input.journeyId, stages);
  return journey.run(async () => {
    await journey.enterStage('work');
    const result = await journey.humanTask({ type: 'follow-up-call', title: 'Benchmark task', role: 'sales', dueInMs: 24 * 3_600_000 });
    await journey.waitFor({ kind: 'timer', key: 'cool-off', description: 'A short pause' , timeoutMs: input.timerMs }, () => false);
    return journey.end('COMPLETED', result.notes);
  });
}

// A test-only journey that asks its customer one decision, of any form, and ends with the answer
// (as JSON in its reason; `null` when it expired unanswered).
import { JourneyRuntime, type CustomerDecisionSpec } from '../../../../workflows/runtime/journey';
import { defineStages } from '../../../../workflows/runtime/stages';

const decisionStages = defineStages({
  kind: 'test',
  start: ['asked'],
  stages: { asked: { label: 'Asked', owner: 'customer', seedPhase: 'test', next: [], ends: ['COMPLETED'] } },
});

export async function decisionJourney(journeyId: string, spec: CustomerDecisionSpec) {
  const journey = new JourneyRuntime(journeyId, decisionStages);
  return journey.run(async () => {
    await journey.enterStage('asked');
    const answer = await journey.customerDecision(spec);
    return journey.end('COMPLETED', JSON.stringify(answer ?? null));
  });
}

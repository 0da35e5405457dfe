// Moves acquisition journeys along through the API, as the people of each role would.
import type { Role } from '../../api/auth/roles';
import type { Harness } from './harness';
import { eventually } from './http';
import { discoveryMeeting, followUpQualified, lead } from './fixtures';

export function journeyDriver(h: Harness) {
  /** Completes the journey's open task of `type` as `role`; fails the test unless it is accepted. */
  async function complete(role: Role, journeyId: string, type: string, result: object) {
    const task = await eventually(
      () => h.db.task.findFirst({ where: { journeyId, type, status: 'OPEN' } }),
      (t) => t !== null,
    );
    const res = await h.as(role)('POST', `/api/tasks/${task!.id}/complete`, { result });
    if (res.status !== 200) throw new Error(`completing ${type} as ${role}: ${res.status} ${JSON.stringify(res.body)}`);
    return task!;
  }

  /** A new lead taken through follow-up and discovery, to its first quote task. */
  async function qualifiedLead(overrides: Record<string, unknown> = {}) {
    const input = lead(overrides);
    const { body } = await h.as('anonymous')('POST', '/api/leads', input);
    await complete('sales', body.journeyId, 'follow-up-call', followUpQualified);
    await complete('sales', body.journeyId, 'discovery-meeting', discoveryMeeting);
    return { input, journeyId: body.journeyId as string, customerId: body.customerId as string };
  }

  /** The customer's link from the newest quote email of the journey. */
  async function quoteLink(journeyId: string, version: number) {
    const email = await eventually(() => h.db.email.findUnique({ where: { key: `${journeyId}:quote:v${version}` } }), Boolean);
    const url = /https?:\/\/\S+\/customer\/quotes\/\S+/.exec(email!.text)![0];
    return new URL(url).pathname;
  }

  return { complete, qualifiedLead, quoteLink };
}

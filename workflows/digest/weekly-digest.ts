// The managers' Monday digest (issue 14), started by the Temporal Schedule `weekly-digest`
// (workers/digest-schedule.ts): the figures once, then one email per manager, keyed by the week so
// a rerun of the same week sends nothing twice.
import { proxyActivities } from '@temporalio/workflow';
import type { DigestActivities } from '../../activities/digest/digest';
import type { EmailActivities } from '../../activities/runtime/email';
import { mailActivityOptions, recordActivityOptions } from '../runtime/journey';

const { prepareWeeklyDigest } = proxyActivities<DigestActivities>(recordActivityOptions);
const { sendEmail } = proxyActivities<EmailActivities>(mailActivityOptions);

export async function weeklyDigest(): Promise<{ week: string; sent: number }> {
  const { digest, recipients } = await prepareWeeklyDigest({ at: new Date().toISOString() });
  for (const r of recipients) {
    await sendEmail({ key: `weekly-digest:${digest.weekOf.from}:${r.id}`, to: r.email, template: 'weekly-digest', data: digest });
  }
  return { week: digest.weekOf.from, sent: recipients.length };
}

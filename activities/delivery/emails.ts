// The delivery journey's emails: the weekly status and the sign-off.
import { letter, type TemplatesOf } from '../runtime/email-templates';

export type DeliveryEmails = {
  'status-update': { contactName: string; projectName: string; week: number; lines: string[] };
  'project-signed-off': { contactName: string; projectName: string };
};

export const deliveryEmails: TemplatesOf<DeliveryEmails> = {
  'status-update': (d) => ({
    subject: `Your project: status, week ${d.week}`,
    text: letter(d.contactName, [`Where ${d.projectName} stands:`, ...d.lines.map((l) => `  - ${l}`)]),
  }),
  'project-signed-off': (d) => ({
    subject: 'Your project is signed off',
    text: letter(d.contactName, [`Thank you for signing ${d.projectName} off. Your customer success manager will be in touch about what comes next.`]),
  }),
};

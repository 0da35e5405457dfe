// The delivery journey's emails: the weekly status and the sign-off.
import { letter, type TemplatesOf } from '../runtime/email-templates';

export type DeliveryEmails = {
  'status-update': { contactName: string; projectName: string; week: number; lines: string[] };
  'project-signed-off': { contactName: string; projectName: string };
};

export const deliveryEmails: TemplatesOf<DeliveryEmails> = {
  'status-update': (d) => ({
    subject: `${d.projectName}: status, week ${d.week}`,
    text: letter(d.contactName, ['Where your project stands:', ...d.lines.map((l) => `  - ${l}`)]),
  }),
  'project-signed-off': (d) => ({
    subject: `${d.projectName} is signed off`,
    text: letter(d.contactName, ['Thank you for signing the project off. Your customer success manager will be in touch about what comes next.']),
  }),
};

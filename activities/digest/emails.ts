// The weekly digest as a plain-text email. Every word in it is the company's own (stage labels,
// target names) or a number: nothing a visitor typed.
import type { TemplatesOf } from '../runtime/email-templates';
import type { WeeklyDigest } from './digest';

export type DigestEmails = { 'weekly-digest': WeeklyDigest };

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const hours = (h: number) => (h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} d`);
const signed = (h: number) => `${h > 0 ? '+' : h < 0 ? '−' : '±'}${hours(Math.abs(h))}`;

export const digestEmails: TemplatesOf<DigestEmails> = {
  'weekly-digest': (d) => ({
    subject: `Weekly journey digest: ${d.weekOf.from} to ${d.weekOf.to}`,
    text: [
      `The funnel: acquisitions started from ${d.funnel.from} (${d.funnel.started}), against seed 000's targets`,
      ...(d.funnel.targets.length
        ? d.funnel.targets.map((t) => `- ${t.label}: ${percent(t.rate)} (${t.converted} of ${t.reached}), target ${t.low}-${t.high}%${t.verdict ? `: ${t.verdict}` : ''}`)
        : ['- nothing to count yet']),
      '',
      `Where journeys waited longest in the week from ${d.weekOf.from}`,
      ...(d.bottlenecks.length
        ? d.bottlenecks.map((b, i) => `${i + 1}. ${b.label} (${b.kind}): ${hours(b.hours)} over ${b.waits} ${b.waits === 1 ? 'wait' : 'waits'}, ${b.overdue} overdue (${signed(b.changeHours)} against the week before)`)
        : ['- no waiting this week']),
      '',
      'The analytics page has every figure, with the journeys behind it.',
    ].join('\n'),
  }),
};

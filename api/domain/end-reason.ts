// A journey's end reason as its page shows it: the workflows write it as text for people
// ("Won: … project <id> in delivery", "Invoice INV-1234-1 paid: …", "Merged into T-1002"), and
// what it names becomes a link to that record, with the record's name in place of an id. A name
// the reader may not open (an invoice for sales) stays text; one not found stays as written.
import type { Db } from '../../platform/db';
import { mayRead, type Principal } from '../auth/roles';

export type ReasonPart = { text: string; link?: { resource: 'journeys' | 'invoices' | 'tickets'; id: string } };

/** A project by its id, an invoice by its number, a ticket by its number, a journey by its id. */
const NAMES = /project ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|\b(INV-[A-Za-z0-9-]*[A-Za-z0-9])|\bT-(\d{1,9})\b|\b(journey:[^\s,;()]+[^\s,;().])/g;

async function partFor(db: Db, viewer: Principal, m: RegExpMatchArray): Promise<ReasonPart> {
  const [whole, projectId, invoiceNumber, ticketNumber, journeyId] = m;
  if (projectId) {
    const project = await db.project.findUnique({ where: { id: projectId }, select: { name: true, deliveryJourneyId: true } });
    if (project) return { text: `project ${project.name}`, ...(project.deliveryJourneyId && { link: { resource: 'journeys', id: project.deliveryJourneyId } }) };
  }
  if (invoiceNumber && mayRead(viewer, 'invoices')) {
    const invoice = await db.invoice.findUnique({ where: { number: invoiceNumber }, select: { id: true } });
    if (invoice) return { text: whole, link: { resource: 'invoices', id: invoice.id } };
  }
  if (ticketNumber && mayRead(viewer, 'tickets')) {
    const ticket = await db.supportTicket.findUnique({ where: { number: Number(ticketNumber) }, select: { id: true } });
    if (ticket) return { text: whole, link: { resource: 'tickets', id: ticket.id } };
  }
  if (journeyId && (await db.journey.count({ where: { id: journeyId } }))) return { text: whole, link: { resource: 'journeys', id: journeyId } };
  return { text: whole };
}

/** The reason in parts: plain text, and the names in it with where they link. */
export async function endReasonParts(db: Db, viewer: Principal, reason: string): Promise<ReasonPart[]> {
  const parts: ReasonPart[] = [];
  let at = 0;
  for (const m of reason.matchAll(NAMES)) {
    if (m.index > at) parts.push({ text: reason.slice(at, m.index) });
    parts.push(await partFor(db, viewer, m));
    at = m.index + m[0].length;
  }
  if (at < reason.length) parts.push({ text: reason.slice(at) });
  return parts;
}

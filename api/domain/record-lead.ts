// A contact-form submission becomes a customer (status Lead), a journey row and its inquiry —
// or, when the same person already has an acquisition journey running, nothing new at all.
import type { AcquisitionInput, Inquiry } from '../../workflows/definitions';
import { journeyWorkflowId } from '../../workflows/definitions';
import type { Db } from '../../platform/db';
import { Prisma } from '../../prisma/generated/client';

export type RecordedLead = { customerId: string; journeyId: string; created: boolean; input: AcquisitionInput };

const isUniqueViolation = (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

export async function recordLead(db: Db, inquiry: Inquiry, followUpDueHours: number): Promise<RecordedLead> {
  const customer = await findOrCreateCustomer(db, inquiry);
  const toInput = (journeyId: string, i: Inquiry): RecordedLead['input'] => ({
    journeyId,
    customerId: customer.id,
    inquiry: i,
    followUpDueHours,
  });

  // Lead submissions for one customer are serialised on the customer's row, so two concurrent
  // duplicates cannot both see "no running journey" and start one each.
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Customer" WHERE id = ${customer.id}::uuid FOR UPDATE`;
    const running = await runningAcquisition(tx, customer.id);
    if (running) return { customerId: customer.id, journeyId: running.id, created: false, input: toInput(running.id, running.inquiry) };

    // A customer whose earlier journey ended (lost, completed) comes back as a new journey.
    const sequence = (await tx.journey.count({ where: { customerId: customer.id, kind: 'acquisition' } })) + 1;
    const journeyId = journeyWorkflowId(customer.id, 'acquisition', sequence);
    await tx.journey.create({ data: { id: journeyId, kind: 'acquisition', customerId: customer.id, stage: 'inquiry' } });
    await tx.inquiry.create({
      data: {
        customerId: customer.id,
        journeyId,
        projectType: inquiry.projectType,
        budgetRange: inquiry.budgetRange,
        timeline: inquiry.timeline,
        description: inquiry.description,
      },
    });
    await tx.journeyEvent.create({
      data: { journeyId, key: `${journeyId}:lead`, type: 'lead_received', actor: inquiry.email, data: inquiry },
    });
    await tx.customer.update({ where: { id: customer.id }, data: { status: 'LEAD' } });
    return { customerId: customer.id, journeyId, created: true, input: toInput(journeyId, inquiry) };
  });
}

async function findOrCreateCustomer(db: Db, inquiry: Inquiry) {
  const existing = await db.customer.findUnique({ where: { email: inquiry.email } });
  if (existing) return existing;
  try {
    return await db.customer.create({
      data: {
        companyName: inquiry.companyName,
        contactName: inquiry.contactName,
        email: inquiry.email,
        phone: inquiry.phone,
      },
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return db.customer.findUniqueOrThrow({ where: { email: inquiry.email } });
  }
}

/** The running acquisition journey of a customer, with the inquiry that started it. */
async function runningAcquisition(db: Prisma.TransactionClient, customerId: string) {
  const journey = await db.journey.findFirst({
    where: { customerId, kind: 'acquisition', status: 'RUNNING' },
    include: { customer: true, inquiries: { orderBy: { receivedAt: 'asc' }, take: 1 } },
  });
  const first = journey?.inquiries[0];
  if (!journey || !first) return undefined;
  const { customer } = journey;
  const inquiry: Inquiry = {
    companyName: customer.companyName,
    contactName: customer.contactName,
    email: customer.email,
    ...(customer.phone ? { phone: customer.phone } : {}),
    projectType: first.projectType,
    budgetRange: first.budgetRange,
    timeline: first.timeline,
    description: first.description,
  };
  return { id: journey.id, inquiry };
}

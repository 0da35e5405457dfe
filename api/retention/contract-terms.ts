// A long-term contract's last day (a service agreement's term): set, changed or cleared once it is
// signed, by sales, customer success or a manager. The client's running retention journey is told,
// and opens the renewal task a notice period before that day (workflows/retention/renewals.ts).
import { WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import { appendEvent } from '../../platform/audit';
import { contractsChangedSignal } from '../../workflows/retention/messages';
import { dayStart, isoDay } from '../../workflows/retention/renewals';
import type { ApiDeps } from '../app';
import type { Role } from '../auth/roles';
import { AppError } from '../errors';
import type { ContractTerm } from '../contract/records';
import { isUuid } from '../ids';
import { withTemporal } from '../journey-calls';

/** Who agrees a contract's term with the client. */
export const TERM_ROLES: Role[] = ['sales', 'success', 'manager'];

export const termBody = z
  .object({
    /** The contract's last day (UTC calendar day), after today; null: a one-off contract, nothing to renew. */
    endsOn: z.iso.date('A date, YYYY-MM-DD').nullable(),
  })
  .strict();

const dayOrNull = (d: Date | null) => (d ? isoDay(d) : null);

const termSelect = {
  id: true,
  journeyId: true,
  signedAt: true,
  endsOn: true,
  renewals: { select: { endsOn: true, outcome: true, newEndsOn: true, notes: true, decidedAt: true }, orderBy: { endsOn: 'desc' } },
} as const;

type TermRow = { id: string; journeyId: string; signedAt: Date | null; endsOn: Date | null; renewals: Array<{ endsOn: Date; outcome: ContractTerm['renewals'][number]['outcome']; newEndsOn: Date | null; notes: string | null; decidedAt: Date }> };

const termOf = (c: TermRow): ContractTerm => ({
  id: c.id,
  journeyId: c.journeyId,
  signedAt: c.signedAt?.toISOString() ?? null,
  endsOn: dayOrNull(c.endsOn),
  renewals: c.renewals.map((r) => ({ endsOn: isoDay(r.endsOn), outcome: r.outcome, newEndsOn: dayOrNull(r.newEndsOn), notes: r.notes, decidedAt: r.decidedAt.toISOString() })),
});

/** The customer's signed contracts with their terms and renewals, latest signed first. */
export async function contractTermsOf(db: ApiDeps['db'], customerId: string): Promise<ContractTerm[]> {
  const contracts = await db.contract.findMany({ where: { status: 'SIGNED', journey: { customerId } }, select: termSelect, orderBy: { signedAt: 'desc' }, take: 20 });
  return contracts.map(termOf);
}

/**
 * Sets a signed contract's last day and tells the client's retention journey. Sent again, it tells
 * the journey again (which is how a 503 is recovered from); the change is recorded once.
 */
export async function setContractTerm(deps: Pick<ApiDeps, 'db' | 'temporal'>, contractId: string, body: z.infer<typeof termBody>, by: string): Promise<ContractTerm> {
  const contract = isUuid(contractId) ? await deps.db.contract.findUnique({ where: { id: contractId }, include: { journey: { select: { customerId: true } } } }) : null;
  if (!contract) throw new AppError('not_found', `No contract ${contractId}`);
  if (contract.status !== 'SIGNED') throw new AppError('conflict', 'Only a signed contract has a term to renew');
  const today = isoDay(new Date());
  if (body.endsOn !== null && body.endsOn <= today) {
    throw new AppError('validation_failed', 'The last day must be after today', { fields: [{ field: 'endsOn', message: `A day after ${today}` }] });
  }
  const previous = dayOrNull(contract.endsOn);
  if (previous !== body.endsOn) {
    await deps.db.$transaction(async (tx) => {
      // Changed only from what was read: two changes at once record one each, in turn.
      const { count } = await tx.contract.updateMany({ where: { id: contract.id, endsOn: contract.endsOn }, data: { endsOn: body.endsOn === null ? null : dayStart(body.endsOn) } });
      if (!count) throw new AppError('conflict', 'The contract was changed at the same moment; look again before changing it');
      await appendEvent(tx, {
        journeyId: contract.journeyId,
        key: `contract:${contract.id}:term:${previous ?? 'none'}:${body.endsOn ?? 'none'}:${Date.now()}`,
        type: 'contract_term_set',
        actor: by,
        data: { contractId: contract.id, endsOn: body.endsOn, previous },
      });
    });
  }
  const account = await deps.db.clientAccount.findUnique({ where: { customerId: contract.journey.customerId }, select: { journeyId: true, endedAt: true } });
  if (account && !account.endedAt) {
    try {
      await withTemporal(deps.temporal, () => deps.temporal.workflow.getHandle(account.journeyId).signal(contractsChangedSignal), {
        pending: "the last day is saved, but the client's account has not been told: send it again",
      });
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err; // an account whose journey has ended has nothing to renew
    }
  }
  return termOf(await deps.db.contract.findUniqueOrThrow({ where: { id: contract.id }, select: termSelect }));
}

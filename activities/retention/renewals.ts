// Long-term contracts' renewals for the retention journey (workflows/retention/renewals.ts): which
// of the client's signed contracts have a renewal ahead, and what became of each, recorded once per
// contract and last day (a retried activity writes nothing twice). Renewed, the contract runs on to
// its new last day, so the journey finds the next renewal there.
import type { z } from 'zod';
import { appendEvent } from '../../platform/audit';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { retentionTaskForms } from '../../workflows/retention/forms';
import { dayStart, isoDay, renewedUntil, type RenewalDue } from '../../workflows/retention/renewals';

export type RenewalDecision = z.output<(typeof retentionTaskForms)['contract-renewal']>;


export function createRenewalActivities({ db, config }: { db: Db; config: Config }) {
  return {
    /** The client's signed contracts with a last day and no renewal recorded for it, soonest first, with the notice their task opens at. */
    async renewalsAhead({ customerId }: { customerId: string }): Promise<Array<RenewalDue & { noticeDays: number }>> {
      const contracts = await db.contract.findMany({
        where: { status: 'SIGNED', endsOn: { not: null }, journey: { customerId } },
        select: { id: true, endsOn: true, renewals: { select: { endsOn: true } } },
        orderBy: [{ endsOn: 'asc' }, { id: 'asc' }],
      });
      return contracts
        .filter((c) => !c.renewals.some((r) => r.endsOn.getTime() === c.endsOn!.getTime()))
        .map((c) => ({ contractId: c.id, endsOn: isoDay(c.endsOn!), noticeDays: config.retention.renewalNoticeDays }));
    },

    /**
     * The renewal's task as completed, if it was: a run that continued as new between the
     * completion and its record takes the decision from here instead of asking again.
     */
    async renewalDecided({ journeyId, renewal }: { journeyId: string; renewal: RenewalDue }): Promise<{ decision: RenewalDecision; decidedBy: string | null } | null> {
      const task = await db.task.findFirst({
        where: { journeyId, type: 'contract-renewal', status: 'COMPLETED', AND: [{ input: { path: ['contractId'], equals: renewal.contractId } }, { input: { path: ['endsOn'], equals: renewal.endsOn } }] },
        select: { result: true, completedBy: true },
      });
      return task ? { decision: task.result as RenewalDecision, decidedBy: task.completedBy } : null;
    },

    /**
     * The owner's decision on a renewal, or none by the contract's last day (LAPSED). Renewed, the
     * contract's last day moves on by the months agreed, unless someone has changed it meanwhile.
     */
    async recordRenewal(i: { journeyId: string; customerId: string; renewal: RenewalDue; decision: RenewalDecision | null; decidedBy: string | null; at: string }): Promise<{ outcome: string; newEndsOn: string | null }> {
      const { contractId, endsOn } = i.renewal;
      const outcome = !i.decision ? 'LAPSED' : i.decision.outcome === 'renewed' ? 'RENEWED' : 'NOT_RENEWED';
      const newEndsOn = i.decision?.outcome === 'renewed' ? renewedUntil(endsOn, i.decision.months!) : null;
      const at = new Date(i.at);
      await db.$transaction(async (tx) => {
        const { count } = await tx.contractRenewal.createMany({
          data: [{ contractId, customerId: i.customerId, journeyId: i.journeyId, endsOn: dayStart(endsOn), outcome, newEndsOn: newEndsOn ? dayStart(newEndsOn) : null, notes: i.decision?.notes ?? null, decidedBy: i.decidedBy, decidedAt: at }],
          skipDuplicates: true,
        });
        if (!count) return;
        if (newEndsOn) await tx.contract.updateMany({ where: { id: contractId, endsOn: dayStart(endsOn) }, data: { endsOn: dayStart(newEndsOn) } });
        await appendEvent(tx, {
          journeyId: i.journeyId,
          key: `renewal:${contractId}:${endsOn}`,
          type: `contract_${outcome.toLowerCase()}`,
          actor: i.decidedBy ?? undefined,
          data: { contractId, endsOn, ...(newEndsOn && { newEndsOn }), ...(i.decision?.notes && { notes: i.decision.notes }) },
          at,
        });
      });
      return { outcome, newEndsOn };
    },
  };
}

export type RenewalActivities = ReturnType<typeof createRenewalActivities>;

// A bulk action's dialog over a list's selection: the records selected when it opened, sent one by
// one (useBulkCommand); when some fail, the dialog stays open and says which and why, those stay
// selected, and sending again tries only them. Success closes it with a notice of how many.
import { Alert } from '@mui/material';
import { useState } from 'react';
import { type Identifier, type RaRecord, useListContext, useNotify } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { useBulkCommand, type BulkOutcome } from './useBulkCommand';
import { useT } from '../i18n/useT';

export function useBulkSelection<R extends RaRecord>({ nameOf, done, onClose }: { nameOf: (record: R) => string; done: (n: number) => string; onClose: () => void }) {
  const { selectedIds, data, onSelect } = useListContext<R>();
  const notify = useNotify();
  const { run, pending } = useBulkCommand();
  const t = useT();
  const [ids] = useState(selectedIds);
  // Named as the list showed them when the dialog opened: a record the action took off the list
  // (a cancelled journey leaves "running") keeps its name in the summary.
  const [names] = useState(
    () =>
      new Map(
        selectedIds.map((id) => {
          const record = data?.find((r) => r.id === id);
          return [id, record ? nameOf(record) : String(id)] as const;
        }),
      ),
  );
  const [outcome, setOutcome] = useState<BulkOutcome>();
  const name = (id: Identifier) => names.get(id) ?? String(id);

  const send = async (command: (api: AppDataProvider, id: Identifier) => Promise<unknown>) => {
    const result = await run(outcome ? outcome.failed.map((f) => f.id) : ids, command);
    if (!result) return onClose();
    onSelect(result.failed.map((f) => f.id));
    if (result.failed.length === 0) {
      notify(done(result.done.length + (outcome?.done.length ?? 0)), { type: 'success' });
      return onClose();
    }
    setOutcome({ done: [...(outcome?.done ?? []), ...result.done], failed: result.failed });
  };

  const summary = outcome && (
    <Alert severity={outcome.done.length ? 'warning' : 'error'} sx={{ mt: 2 }} data-testid="bulk-summary">
      {outcome.done.length > 0 && <div>{done(outcome.done.length)}.</div>}
      <div>
        {t('app.bulk.not_changed', { smart_count: outcome.failed.length })}
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {outcome.failed.map((f) => (
            <li key={String(f.id)}>
              {name(f.id)}: {f.message}
            </li>
          ))}
        </ul>
      </div>
    </Alert>
  );

  return {
    ids,
    names: ids.map(name),
    pending,
    send,
    /** What the last send did, while some are left to try again. */
    summary,
    /** The confirm button's label: the action, or trying again those that failed. */
    confirmLabel: (action: string) => (outcome ? t('app.bulk.try_again', { smart_count: outcome.failed.length }) : action),
  };
}

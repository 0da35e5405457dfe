// Repeat business: someone who works with a client (customer success, a manager, sales, support)
// opens what they found as a new project. The API starts an acquisition journey for the client at
// discovery, the child of their account; the dialog then links to it. One request id per dialog, so
// pressing again after a lost answer opens the same journey, not a second one.
import AddIcon from '@mui/icons-material/AddBusiness';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useRedirect } from 'react-admin';
import { OPPORTUNITY_SOURCES, type OpportunitySource } from '../../../workflows/acquisition/repeat-business';
import { useCommand } from '../common/useCommand';
import { apiFieldErrors } from '../dataProvider';
import { useT } from '../i18n/useT';

type Draft = { projectType: string; budgetRange: string; timeline: string; description: string; source: OpportunitySource };
const EMPTY: Draft = { projectType: '', budgetRange: '', timeline: '', description: '', source: 'check-in' };

const NewProjectDialog = ({ customerId, companyName, onClose }: { customerId: string; companyName: string; onClose: () => void }) => {
  const { run, pending } = useCommand();
  const t = useT();
  const redirect = useRedirect();
  const [id] = useState(() => crypto.randomUUID());
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const field = (name: keyof Draft) => ({
    name,
    value: draft[name],
    onChange: (e: { target: { value: string } }) => {
      setDraft({ ...draft, [name]: e.target.value });
      setErrors({ ...errors, [name]: '' });
    },
    error: !!errors[name],
    helperText: errors[name] || undefined,
    fullWidth: true,
  });
  const incomplete = !draft.projectType.trim() || !draft.budgetRange.trim() || !draft.timeline.trim() || !draft.description.trim();

  const submit = async () => {
    const outcome = await run((api) => api.openOpportunity(customerId, { id, ...draft }), t('app.retention.project_opened'));
    if (outcome.ok) {
      onClose();
      redirect(`/journeys/${encodeURIComponent(outcome.value.journeyId)}/show`);
    } else {
      setErrors(Object.fromEntries(apiFieldErrors(outcome.error).map((f) => [f.field, f.message])));
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('app.retention.new_project_title', { name: companyName })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('app.retention.new_project_intro', { name: companyName })}</DialogContentText>
        <Stack spacing={2}>
          <TextField {...field('source')} select label={t('app.retention.found_in')}>
            {OPPORTUNITY_SOURCES.map((s) => (
              <MenuItem key={s} value={s}>
                {t(`app.retention.sources.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField {...field('projectType')} label={t('app.retention.project_kind')} autoFocus placeholder={t('app.retention.project_kind_example')} />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField {...field('budgetRange')} label={t('app.retention.budget')} placeholder={t('app.retention.budget_example')} />
            <TextField {...field('timeline')} label={t('app.retention.timeline')} placeholder={t('app.retention.timeline_example')} />
          </Stack>
          <TextField {...field('description')} label={t('app.retention.wants')} multiline minRows={3} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('app.retention.not_now')}</Button>
        <Button variant="contained" onClick={submit} disabled={pending || incomplete}>
          {t('app.retention.open_project')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const NewProjectButton = ({ customerId, companyName }: { customerId: string; companyName: string }) => {
  const [open, setOpen] = useState(false);
  const t = useT();
  return (
    <>
      <Button size="small" variant="outlined" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        {t('app.retention.new_project')}
      </Button>
      {open && <NewProjectDialog customerId={customerId} companyName={companyName} onClose={() => setOpen(false)} />}
    </>
  );
};

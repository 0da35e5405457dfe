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
import { OPPORTUNITY_SOURCE_LABELS } from './opportunitySources';

type Draft = { projectType: string; budgetRange: string; timeline: string; description: string; source: OpportunitySource };
const EMPTY: Draft = { projectType: '', budgetRange: '', timeline: '', description: '', source: 'check-in' };

const NewProjectDialog = ({ customerId, companyName, onClose }: { customerId: string; companyName: string; onClose: () => void }) => {
  const { run, pending } = useCommand();
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
    const outcome = await run((api) => api.openOpportunity(customerId, { id, ...draft }), 'New project opened: its discovery meeting is with sales');
    if (outcome.ok) {
      onClose();
      redirect(`/journeys/${encodeURIComponent(outcome.value.journeyId)}/show`);
    } else {
      setErrors(Object.fromEntries(apiFieldErrors(outcome.error).map((f) => [f.field, f.message])));
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>New project with {companyName}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          Sales takes it from a discovery meeting: {companyName} is a client already, so there is no contact form or first call, and they stay a client.
        </DialogContentText>
        <Stack spacing={2}>
          <TextField {...field('source')} select label="Found in">
            {OPPORTUNITY_SOURCES.map((s) => (
              <MenuItem key={s} value={s}>
                {OPPORTUNITY_SOURCE_LABELS[s]!.replace(/^(a|the) /, (m) => m[0]!.toUpperCase() + m.slice(1))}
              </MenuItem>
            ))}
          </TextField>
          <TextField {...field('projectType')} label="Kind of project" autoFocus placeholder="Mobile app, website redesign…" />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField {...field('budgetRange')} label="Budget" placeholder="$10K-$50K" />
            <TextField {...field('timeline')} label="Timeline" placeholder="Next quarter" />
          </Stack>
          <TextField {...field('description')} label="What the client wants" multiline minRows={3} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Not now</Button>
        <Button variant="contained" onClick={submit} disabled={pending || incomplete}>
          Open the project
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const NewProjectButton = ({ customerId, companyName }: { customerId: string; companyName: string }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" variant="outlined" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        New project
      </Button>
      {open && <NewProjectDialog customerId={customerId} companyName={companyName} onClose={() => setOpen(false)} />}
    </>
  );
};

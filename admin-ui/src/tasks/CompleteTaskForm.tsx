// Completing a task: one form per task type, mirroring workflows/task-forms.ts. The server
// validates again and has the last word; its field errors are shown under the inputs.
import CheckIcon from '@mui/icons-material/Check';
import { Alert, Card, CardContent, CardHeader } from '@mui/material';
import type { ComponentType } from 'react';
import {
  Form,
  FormDataConsumer,
  HttpError,
  RadioButtonGroupInput,
  required,
  SaveButton,
  TextArrayInput,
  TextInput,
  Toolbar,
  useDataProvider,
  useNotify,
  useRefresh,
} from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import type { ApiError, Task } from '../types';

const FollowUpCallInputs = () => (
  <>
    <RadioButtonGroupInput
      source="outcome"
      choices={[
        { id: 'qualified', name: 'Qualified' },
        { id: 'disqualified', name: 'Disqualified' },
      ]}
      validate={required()}
    />
    <TextInput source="notes" multiline minRows={3} validate={required()} />
    <FormDataConsumer>
      {({ formData }) =>
        formData.outcome === 'disqualified' && (
          // Unregistered when hidden, so a reason typed before switching back is not sent.
          <TextInput source="disqualifiedReason" validate={required()} shouldUnregister />
        )
      }
    </FormDataConsumer>
  </>
);

const DiscoveryMeetingInputs = () => (
  <>
    <TextInput source="notes" multiline minRows={3} validate={required()} />
    <TextInput source="requirements" multiline minRows={2} validate={required()} />
    <TextInput source="scope" multiline minRows={2} validate={required()} />
    <TextInput source="budget" validate={required()} />
    <TextInput source="timeline" validate={required()} />
    <TextArrayInput
      source="decisionMakers"
      validate={required('Name at least one decision maker')}
      helperText="Press Enter after each name"
      autoSelect // a name typed but not yet entered is kept when the field loses focus
    />
    <TextInput source="competition" />
    <RadioButtonGroupInput
      source="urgency"
      choices={[
        { id: 'low', name: 'Low' },
        { id: 'medium', name: 'Medium' },
        { id: 'high', name: 'High' },
      ]}
      validate={required()}
    />
  </>
);

// Each form's fields: a server error on one of them is shown under its input.
const FORMS: Record<string, { Inputs: ComponentType; fields: string[] }> = {
  'follow-up-call': { Inputs: FollowUpCallInputs, fields: ['outcome', 'notes', 'disqualifiedReason'] },
  'discovery-meeting': {
    Inputs: DiscoveryMeetingInputs,
    fields: ['notes', 'requirements', 'scope', 'budget', 'timeline', 'decisionMakers', 'competition', 'urgency'],
  },
};

// The form starts empty rather than from the page's record: its values are the result, not the task.
const EMPTY = {};

/** "result.decisionMakers.0" -> { decisionMakers: message }, for the fields the form has. */
function fieldErrors(err: unknown, formFields: string[]): Record<string, string> {
  const fields = err instanceof HttpError ? ((err.body as Partial<ApiError> | undefined)?.error?.fields ?? []) : [];
  return Object.fromEntries(
    fields
      .map(({ field, message }) => [field.split('.')[1] ?? '', message] as const)
      .filter(([name]) => formFields.includes(name)),
  );
}

export const CompleteTaskForm = ({ task }: { task: Task }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const form = FORMS[task.type];
  if (!form) return <Alert severity="info">Tasks of type “{task.type}” cannot be completed here yet.</Alert>;

  // Pessimistic: the button spins, disabled, until the journey accepted or rejected the result.
  // Returning an object of field errors makes react-admin's Form show them under the inputs.
  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.completeTask(task.id, values);
    } catch (err) {
      notify(err instanceof Error ? err.message : 'The task could not be completed', { type: 'error' });
      // 409: someone else completed it, or the journey ended; show what is true now.
      if (err instanceof HttpError && err.status === 409) refresh();
      return fieldErrors(err, form.fields);
    }
    notify('Task completed', { type: 'success' });
    refresh();
  };

  return (
    <Card>
      <CardHeader title="Complete this task" />
      <Form record={EMPTY} onSubmit={submit}>
        <CardContent>
          <form.Inputs />
        </CardContent>
        <Toolbar>
          <SaveButton label="Complete task" icon={<CheckIcon />} />
        </Toolbar>
      </Form>
    </Card>
  );
};

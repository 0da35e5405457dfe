// Completing a task through a form generated from its type's JSON Schema (GET /api/task-types),
// so a new task type needs no UI code. The server validates again and has the last word — rules
// across fields live only there — and its field errors are shown under the inputs they name.
// What the person types is kept as a draft (taskDrafts.ts) until the journey accepts it.
import CheckIcon from '@mui/icons-material/Check';
import { Alert, Box, GlobalStyles, Skeleton } from '@mui/material';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { Form, HttpError, SaveButton, Toolbar, useNotify, useRefresh } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useIsPhone } from '../common/ResponsiveList';
import { SectionCard } from '../common/SectionCard';
import { isSessionEnded, useSessionEnded } from '../common/useSessionEnded';
import { apiFieldErrors, dataProvider, errorMessage } from '../dataProvider';
import { formFields, withoutEmptyValues, type JsonSchema } from '../schemaForm/jsonSchema';
import { SchemaInputList } from '../schemaForm/SchemaInputs';
import { clearDraft, loadDraft, saveDraft } from './taskDrafts';
import { firstField, useFocusAfter, useRequestFocus } from './taskFocus';
import { useTaskTypeSchema } from './useTaskTypes';
import type { Task } from '../types';
import { useT } from '../i18n/useT';

// The form starts empty rather than from the page's record: its values are the result, not the task.
const EMPTY = {};
const RESULT_PREFIX = 'result.';

/**
 * The server's field errors ("result.lineItems.0.quantity") split into those an input of this form
 * shows (keyed by its path in the form) and the rest, which are shown above the form.
 */
function splitServerErrors(err: unknown, schema: JsonSchema) {
  const byInput: Record<string, string> = {};
  const other: string[] = [];
  for (const { field, message } of apiFieldErrors(err)) {
    const path = field.startsWith(RESULT_PREFIX) ? field.slice(RESULT_PREFIX.length) : field;
    const topLevel = path.split('.')[0] ?? '';
    if (schema.properties && topLevel in schema.properties) byInput[path] = message;
    else other.push(`${path}: ${message}`);
  }
  return { byInput, other };
}

/** Keeps what is typed as the task's draft, as it is typed. */
const DraftKeeper = ({ taskId }: { taskId: string }) => {
  const values = useWatch();
  useEffect(() => saveDraft(taskId, withoutEmptyValues(values) as Record<string, unknown>), [taskId, values]);
  return null;
};

/** The height of what `ref` holds, kept as it changes (0 while it is not shown). */
function useHeight(ref: RefObject<HTMLElement | null>, watching: boolean) {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!watching || !element) {
      setHeight(0);
      return;
    }
    const observer = new ResizeObserver(() => setHeight(element.offsetHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, watching]);
  return height;
}

/**
 * On a phone react-admin fixes a form's toolbar to the bottom of the screen: the "Complete task"
 * bar is always at hand, and must never cover a field. The form keeps the bar's height free below
 * its last field, the page below its end, and a field taking focus scrolls above the bar
 * (scroll-padding of the page, which is what scrolls).
 */
const RoomForTheBar = ({ height }: { height: number }) =>
  height > 0 ? <GlobalStyles styles={{ html: { scrollPaddingBottom: height + 8 }, body: { paddingBottom: height } }} /> : null;

const GeneratedForm = ({ task, schema }: { task: Task; schema: JsonSchema }) => {
  const notify = useNotify();
  const requestFocus = useRequestFocus();
  const fields = useRef<HTMLDivElement>(null);
  useFocusAfter('claimed', fields, { pick: firstField });
  const isPhone = useIsPhone();
  const bar = useRef<HTMLDivElement>(null);
  const barHeight = useHeight(bar, isPhone);
  const refresh = useRefresh();
  const sessionEnded = useSessionEnded();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const t = useT();
  // Read once: the form starts from the draft, then the draft follows the form.
  const [initial] = useState(() => loadDraft(task.id) ?? EMPTY);

  // Returning field errors makes react-admin's Form show each under its input. The button spins,
  // disabled, until the journey accepted or rejected the result.
  const submit = async (values: Record<string, unknown>) => {
    setFormErrors([]);
    try {
      await dataProvider.completeTask(task.id, withoutEmptyValues(values) as object);
    } catch (err) {
      if (isSessionEnded(err)) {
        sessionEnded(t('app.task.still_open'));
        return;
      }
      const { byInput, other } = splitServerErrors(err, schema);
      setFormErrors(other);
      const fieldsToFix = Object.keys(byInput).length > 0;
      notify(fieldsToFix ? t('app.task.needs_attention') : errorMessage(err, t('app.task.not_completed')), { type: 'error' });
      // 409: someone else completed it, or the journey moved on; show what is true now (the page
      // then shows the draft beside it, to copy).
      if (err instanceof HttpError && err.status === 409) refresh();
      return byInput;
    }
    clearDraft(task.id);
    requestFocus('completed');
    notify(t('app.task.completed_notice'), { type: 'success' });
    refresh();
  };

  return (
    <Form record={initial} onSubmit={submit} noValidate>
      <DraftKeeper taskId={task.id} />
      {formErrors.length > 0 && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {formErrors.join('; ')}
        </Alert>
      )}
      <Box ref={fields} sx={{ pb: `${barHeight}px` }}>
        <SchemaInputList fields={formFields(schema)} />
      </Box>
      <RoomForTheBar height={barHeight} />
      <Toolbar
        ref={bar}
        sx={{
          px: 0,
          mx: -2,
          mb: -2,
          bgcolor: 'transparent',
          // On a phone, fixed to the screen's bottom: across it, opaque, set off from the page.
          '&.RaToolbar-mobileToolbar': { m: 0, px: 2, bgcolor: 'background.paper', borderTop: 1, borderColor: 'divider', boxShadow: 3 },
        }}
        data-testid="complete-task-bar"
      >
        {/* Enabled from the start: a form restored from a draft is ready to send untouched. */}
        <SaveButton label={t('app.task.complete')} icon={<CheckIcon />} alwaysEnable />
      </Toolbar>
    </Form>
  );
};

export const CompleteTaskForm = ({ task }: { task: Task }) => {
  const { schema, isPending, error } = useTaskTypeSchema(task.type);
  const t = useT();
  return (
    <SectionCard title={t('app.task.complete_title')}>
      {isPending ? (
        <Skeleton variant="rounded" height={160} />
      ) : error ? (
        <Alert severity="error">{t('app.task.form_failed', { error: errorMessage(error, 'unknown error') })}</Alert>
      ) : !schema ? (
        <Alert severity="info">{t('app.task.no_form', { type: task.type })}</Alert>
      ) : (
        <GeneratedForm task={task} schema={schema} />
      )}
    </SectionCard>
  );
};

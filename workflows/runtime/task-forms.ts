// Every human-task type's form, gathered from the journey kinds that declare them (each kind's
// forms.ts). The API validates submissions with them; the workflow re-validates inside its update
// validator; `GET /api/task-types` serves them as JSON Schema for the admin UI's forms.
import type { z } from 'zod';
import { journeyKinds } from '../kinds';
import { mergeRecords } from './merge';

type KindForms = (typeof journeyKinds)[keyof typeof journeyKinds]['taskForms'];

export const taskForms = mergeRecords<KindForms>('task types', Object.values(journeyKinds).map((k) => k.taskForms));
type AllForms = typeof taskForms;

export type TaskType = keyof AllForms & string;
export type TaskResult<T extends TaskType> = z.infer<AllForms[T]>;

export function isTaskType(type: string): type is TaskType {
  return Object.prototype.hasOwnProperty.call(taskForms, type);
}

export type FieldError = { field: string; message: string };

/** Validates a task result; returns the parsed value or the errors per field. */
export function validateTaskResult<T extends TaskType>(
  type: T,
  result: unknown,
): { ok: true; value: TaskResult<T> } | { ok: false; errors: FieldError[] } {
  const parsed = (taskForms[type] as z.ZodType).safeParse(result);
  if (parsed.success) return { ok: true, value: parsed.data as TaskResult<T> };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => ({ field: ['result', ...i.path].join('.'), message: i.message })),
  };
}

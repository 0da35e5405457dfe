// What a person has typed into a task's form, kept in the browser until the task is completed.
import { draftStore, type Draft } from '../common/drafts';

export type TaskDraft = Draft;

const drafts = draftStore<TaskDraft>('pf:task-draft');

export const loadDraft = (taskId: string) => drafts.load(taskId);
export const saveDraft = (taskId: string, values: TaskDraft) => drafts.save(taskId, values);
export const clearDraft = (taskId: string) => drafts.clear(taskId);

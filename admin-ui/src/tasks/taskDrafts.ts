// What a person has typed into a task's form, kept in the browser until the task is completed:
// a session that ends, a reload, or someone else completing the task first loses nothing.
const keyOf = (taskId: string) => `pf:task-draft:${taskId}`;

export type TaskDraft = Record<string, unknown>;

export function loadDraft(taskId: string): TaskDraft | undefined {
  try {
    const raw = localStorage.getItem(keyOf(taskId));
    const draft: unknown = raw ? JSON.parse(raw) : undefined;
    return draft && typeof draft === 'object' && !Array.isArray(draft) && Object.keys(draft).length > 0 ? (draft as TaskDraft) : undefined;
  } catch {
    return undefined; // storage disabled, or an entry that is not ours
  }
}

export function saveDraft(taskId: string, values: TaskDraft): void {
  try {
    if (Object.keys(values).length === 0) localStorage.removeItem(keyOf(taskId));
    else localStorage.setItem(keyOf(taskId), JSON.stringify(values));
  } catch {
    // Storage full or disabled: the form still works, only without a draft.
  }
}

export function clearDraft(taskId: string): void {
  try {
    localStorage.removeItem(keyOf(taskId));
  } catch {
    // as above
  }
}

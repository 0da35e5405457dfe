// Names in code read as words, for the admin UI and the customer pages alike.

/** "disqualifiedReason", "follow-up-call", "task_created" → "Disqualified reason", "Follow up call", "Task created". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

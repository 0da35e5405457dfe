import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import type { MessageKey } from './en';

/** react-admin's translate, taking only our catalogue's keys: a key it lacks does not compile. */
export function useT() {
  const translate = useTranslate();
  // The same function while the language stays, so callbacks built on it can be memoised.
  return useCallback((key: MessageKey, options?: Record<string, unknown>): string => translate(key, options), [translate]);
}

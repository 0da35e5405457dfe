import { useEffect, useState } from 'react';

/** The time now, moving on every `intervalMs`: for what counts down on screen between reloads of its data. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

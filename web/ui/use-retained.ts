import { useRef } from 'react';

/**
 * The last value that was not null: a dialog keeps showing its content while it fades out after the
 * state that opened it was cleared.
 */
export function useRetained<T>(value: T | null | undefined): T | null {
  const last = useRef<T | null>(null);
  if (value !== null && value !== undefined) last.current = value;
  return last.current;
}

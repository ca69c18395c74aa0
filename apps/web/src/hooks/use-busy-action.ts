import { useState } from 'react';

/**
 * For buttons that call the API: `run(work)` marks the form busy, clears the last error, and keeps the error the
 * work threw (to show with ErrorPanel) instead of letting it escape the click handler.
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

// Children and temp dirs must not outlive the run, whether it ends normally, fails or is interrupted.
export interface Cleanup {
  run: () => Promise<void>;
  /** Last resort from the 'exit' handler, where nothing async can run. */
  runSync: () => void;
}

const pending: Cleanup[] = [];

/** Registers a cleanup; the returned function unregisters it once the resource was released normally. */
export function registerCleanup(cleanup: Cleanup): () => void {
  pending.push(cleanup);
  return () => {
    const index = pending.indexOf(cleanup);
    if (index !== -1) pending.splice(index, 1);
  };
}

/** Runs every pending cleanup, newest first (processes stop before their temp dirs are removed). */
export async function cleanupAll(): Promise<void> {
  for (let cleanup = pending.pop(); cleanup; cleanup = pending.pop()) {
    try {
      await cleanup.run();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
}

process.once('exit', () => {
  for (const cleanup of pending.reverse()) {
    try {
      cleanup.runSync();
    } catch {
      // Exiting anyway; nothing left to report to.
    }
  }
});

/** Only the CLI installs these, so importing the harness (e.g. from Vitest) keeps default signal handling. */
export function cleanupOnSignals(): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping servers and removing temp dirs`);
      void cleanupAll().finally(() => process.exit(code));
    });
  }
}

// A task `kontor serve` runs at start and then once a day; a day's run is skipped while the last still runs.
// Several servers may run the same task: each task is written to be safe for that.
import { days } from './clock.ts';

export function dailyJob(task: () => Promise<void>, onError: (error: unknown) => void) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= task()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  return {
    start() {
      if (timer) return;
      tick();
      timer = setInterval(tick, days(1));
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

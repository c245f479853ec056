// A session and its log are kept REMOTE_SUPPORT_LOG_RETENTION_DAYS after it began and then deleted, once a
// day in `kontor serve`; only then is its number free again (900,000 numbers would otherwise run out).
// Running sessions stay; the start and end remain in the audit log.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { addMilliseconds, type Clock, days } from '../../shared/clock.ts';
import { dailyJob } from '../../shared/daily-job.ts';

export function createRemoteSupportRetention({
  db,
  clock,
  config,
  log,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  log: FastifyBaseLogger;
}) {
  /** Deletes the sessions (their log with them) begun before the retention; returns how many. */
  async function forgetExpired(): Promise<number> {
    const before = addMilliseconds(clock.now(), -days(config.remoteSupport.logRetentionDays)).toISOString();
    const result = await db
      .deleteFrom('supportSessions')
      .where('createdAt', '<', before)
      .where('state', '!=', 'active')
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  const job = dailyJob(
    async () => {
      const deleted = await forgetExpired();
      if (deleted > 0) log.info({ deleted }, 'remote-support sessions past their retention deleted');
    },
    (error) => log.error({ err: error }, 'deleting remote-support sessions past their retention failed'),
  );
  return { forgetExpired, start: job.start, stop: job.stop };
}

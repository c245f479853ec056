// The gateway's idempotency records (gateway_requests, with each answer) are kept GATEWAY_REQUEST_RETENTION_DAYS
// after their last change and then deleted, once a day in `kontor serve`: a program's retry after that is a
// new request. The usage events they charged stay; they are what invoices are made of.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { addMilliseconds, type Clock, days } from '../../shared/clock.ts';
import { dailyJob } from '../../shared/daily-job.ts';

export function createGatewayRetention({
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
  /** Deletes the records last changed before the retention; returns how many. */
  async function forgetExpired(): Promise<number> {
    const before = addMilliseconds(clock.now(), -days(config.gatewayRequestRetentionDays)).toISOString();
    const result = await db.deleteFrom('gatewayRequests').where('updatedAt', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  const job = dailyJob(
    async () => {
      const deleted = await forgetExpired();
      if (deleted > 0) log.info({ deleted }, 'expired gateway idempotency records deleted');
    },
    (error) => log.error({ err: error }, 'deleting expired gateway idempotency records failed'),
  );
  return { forgetExpired, start: job.start, stop: job.stop };
}

export type GatewayRetention = ReturnType<typeof createGatewayRetention>;

// P4, issue 12.3: the desktop program asks for an online service. Kontor checks the caller's right and the
// subscription, claims the request's idempotency key with a unique insert, calls the provider's adapter, and
// only for an answer records one usage event at the price of that moment, in the transaction that keeps
// the answer for retries. A retry with the key gets the first answer; a failed call is charged never and
// kept only until the next retry, which calls the provider again.
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { GatewayRequestsTable } from '../../db/schema.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import { billingMonthOf } from '../../shared/billing-month.ts';
import type { Clock } from '../../shared/clock.ts';
import { formatName } from '../../shared/names.ts';
import { heldPermissions } from '../../shared/permissions.ts';
import { newId } from '../../shared/tokens.ts';
import type { ProgramCaller } from '../program-api/index.ts';
import { createAdapters, ProviderError, type ProviderFailure, type ServiceAnswer } from './adapters/index.ts';
import { canonicalJson } from './canonical-json.ts';
import { referenceOf } from './reference.ts';
import { gatewayErrors } from './usage.errors.ts';
import { createUsageRepository } from './usage.repository.ts';

/** How long a second request with a key waits for the first to finish before answering 409. */
export const inProgressWaitMs = 2_000;
const pollMs = 25;

const failureCodes: Record<ProviderFailure | 'internal', string> = {
  timeout: gatewayErrors.GATEWAY_PROVIDER_TIMEOUT,
  failed: gatewayErrors.GATEWAY_PROVIDER_FAILED,
  bad_answer: gatewayErrors.GATEWAY_PROVIDER_BAD_ANSWER,
  internal: 'INTERNAL_ERROR',
};

export interface GatewayRequest {
  serviceCode: string;
  idempotencyKey: string;
  parameters: Record<string, unknown>;
  locale: Locale;
}

/** A charged answer (200) as sent the first time: the JSON text, byte for byte on every retry. */
export interface GatewayAnswer {
  body: string;
  replayed: boolean;
}

type Claim = { id: string; token: string } | { answer: GatewayAnswer };

interface Dependencies {
  db: Db;
  clock: Clock;
  config: Config;
  log: FastifyBaseLogger;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createGatewayService({ db, clock, config, log }: Dependencies) {
  const repository = createUsageRepository(db);
  const adapters = createAdapters({ timeoutMs: config.gatewayTimeoutMs });
  // A claim older than this belongs to a process that died during its call: a retry may take it over.
  const leaseMs = config.gatewayTimeoutMs + 30_000;

  const storedAnswer = (row: GatewayRequestsTable): GatewayAnswer => ({
    body: row.responseBody ?? '{}',
    replayed: true,
  });

  /** Claims the key, or finds the first request's answer, waiting briefly while it is still running. */
  async function claim(accountId: string, idempotencyKey: string, fingerprint: string): Promise<Claim> {
    const token = newId();
    const now = clock.now().toISOString();
    const id = newId();
    const row = {
      id,
      accountId,
      idempotencyKey,
      fingerprint,
      state: 'pending' as const,
      claimToken: token,
      claimedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    const deadline = Date.now() + inProgressWaitMs;
    let awaitedToken: string | null = null;
    for (;;) {
      if (await repository.claimKey(row)) return { id, token };
      const existing = await repository.findClaim(accountId, idempotencyKey);
      if (!existing) continue;
      assertThat(existing.fingerprint === fingerprint, gatewayErrors.GATEWAY_IDEMPOTENCY_KEY_REUSED);
      if (existing.state === 'succeeded') return { answer: storedAnswer(existing) };
      if (existing.state === 'failed' && existing.claimToken === awaitedToken) {
        // The attempt this request waited for failed: it gets the same answer, not a call of its own.
        throw new AppError(existing.errorCode ?? failureCodes.internal);
      }
      const at = clock.now();
      const retaken = await repository.retakeClaim(existing.id, {
        from: existing.claimToken,
        to: token,
        now: at.toISOString(),
        staleBefore: new Date(at.getTime() - leaseMs).toISOString(),
      });
      if (retaken) return { id: existing.id, token };
      if (existing.state === 'pending') {
        awaitedToken = existing.claimToken;
        if (Date.now() >= deadline) {
          throw new AppError(gatewayErrors.GATEWAY_REQUEST_IN_PROGRESS, { retryAfterSeconds: 1 });
        }
        await sleep(pollMs);
      }
    }
  }

  /** Keeps the failure for the requests waiting for this one; the next retry calls the provider again. */
  async function fail(id: string, token: string, kind: ProviderFailure | 'internal'): Promise<never> {
    const code = failureCodes[kind];
    await repository
      .finishClaim(db, id, token, {
        state: 'failed',
        statusCode: null,
        responseBody: null,
        errorCode: code,
        usageEventId: null,
        updatedAt: clock.now().toISOString(),
      })
      // Unrecorded, the claim is taken over once its lease has passed.
      .catch((error: unknown) => log.error({ err: error }, 'releasing a gateway claim failed'));
    throw new AppError(code);
  }

  return {
    repository,

    async request(caller: ProgramCaller, request: GatewayRequest): Promise<GatewayAnswer> {
      assertThat(
        heldPermissions(caller).includes('services.use'),
        gatewayErrors.GATEWAY_SERVICES_USE_REQUIRED,
      );
      const occurredAt = clock.now().toISOString();
      const context = await repository.gatewayContext({
        accountId: caller.accountId,
        userId: caller.userId,
        code: request.serviceCode,
        now: occurredAt,
      });
      if (!context) throw new AppError(gatewayErrors.GATEWAY_SERVICE_UNKNOWN);
      assertThat(context.subscribed, gatewayErrors.GATEWAY_NOT_SUBSCRIBED);
      const { netCents, vatRateBp } = context;
      if (netCents === null || vatRateBp === null)
        throw new AppError(gatewayErrors.GATEWAY_SERVICE_NOT_PRICED);

      const fingerprint = createHash('sha256')
        .update(`${caller.userId}\n${request.serviceCode}\n${canonicalJson(request.parameters)}`)
        .digest('hex');
      const claimed = await claim(caller.accountId, request.idempotencyKey, fingerprint);
      if ('answer' in claimed) return claimed.answer;
      const { id, token } = claimed;

      let answer: ServiceAnswer;
      const started = performance.now();
      try {
        answer = await adapters[context.adapter].call(
          {
            serviceCode: request.serviceCode,
            providerUrl: context.providerUrl,
            parameters: request.parameters,
            idempotencyKey: createHash('sha256')
              .update(`${caller.accountId}\n${request.idempotencyKey}`)
              .digest('hex'),
            locale: request.locale,
          },
          // A last stop for any adapter; the http adapter's own timeout (the same value) comes first.
          { signal: AbortSignal.timeout(config.gatewayTimeoutMs + 1_000) },
        );
      } catch (error) {
        const kind = error instanceof ProviderError ? error.kind : 'failed';
        // Service, kind and duration only: parameters and the provider's URL may carry personal data or keys.
        log.warn(
          {
            service: request.serviceCode,
            failure: kind,
            detail: error instanceof ProviderError ? error.detail : (error as Error).name,
            ms: Math.round(performance.now() - started),
          },
          'provider call failed; not charged',
        );
        return fail(id, token, kind);
      }

      const usageEventId = newId();
      const body = JSON.stringify({
        service: request.serviceCode,
        usageEventId,
        charged: { quantity: 1, unitNetCents: netCents, vatRateBp },
        answer,
      });
      try {
        const kept = await db.transaction().execute(async (transaction) => {
          const recordedAt = clock.now().toISOString();
          const finished = await repository.finishClaim(transaction, id, token, {
            state: 'succeeded',
            statusCode: 200,
            responseBody: body,
            errorCode: null,
            usageEventId,
            updatedAt: recordedAt,
          });
          if (!finished) return false;
          const recorded = await repository.insertUsageEvents(transaction, [
            {
              id: usageEventId,
              accountId: caller.accountId,
              userId: caller.userId,
              userNumber: caller.userNumber,
              userName: formatName(caller, context.accountLocale),
              serviceId: context.serviceId,
              quantity: 1,
              unitNetCents: netCents,
              vatRateBp,
              occurredAt,
              billingMonth: billingMonthOf(occurredAt, context.timezone),
              recordedAt,
              source: 'gateway',
              // The claim's id, not the program's key: a key may come again once its claim has expired.
              idempotencyKey: `gateway:${id}`,
              reference: referenceOf(request.serviceCode, request.parameters),
            },
          ]);
          // The claim is this request's; a recorded event with its id would be a bug: roll back.
          if (recorded.length !== 1) throw new Error('a usage event with this gateway claim exists');
          return true;
        });
        // Taken over after the lease (this call outlived it): the other attempt's answer counts.
        if (!kept) throw new AppError(gatewayErrors.GATEWAY_REQUEST_IN_PROGRESS, { retryAfterSeconds: 1 });
      } catch (error) {
        if (error instanceof AppError) throw error;
        log.error({ err: error, service: request.serviceCode }, 'recording a gateway answer failed');
        return fail(id, token, 'internal');
      }
      return { body, replayed: false };
    },
  };
}

export type GatewayService = ReturnType<typeof createGatewayService>;

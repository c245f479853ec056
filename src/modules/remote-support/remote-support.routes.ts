import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember, signedInOperator } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { addMilliseconds, type Clock, minutes } from '../../shared/clock.ts';
import { resolveLocale, translator } from '../../shared/i18n.ts';
import { iceServersFor, turnConfigured } from './ice-servers.ts';
import type { RemoteSupportHub } from './remote-support.hub.ts';
import {
  accountParams,
  accountSessionParams,
  clientSocketQuery,
  connectivity,
  sessionList,
  sessionLog,
  sessionParams,
  startBody,
  startedSession,
} from './remote-support.schemas.ts';
import type { Host, RemoteSupportService, SessionRow } from './remote-support.service.ts';

const tags = ['remote-support'];
/** Enough to time a 2 Mbit/s line (seed 004) in about a second; random, so no proxy can compress it. */
const probe = randomBytes(256 * 1024);

declare module 'fastify' {
  interface FastifyRequest {
    supportSession?: SessionRow;
  }
}

export const remoteSupportRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  clock: Clock;
  service: RemoteSupportService;
  hub: RemoteSupportHub;
}> = async (app, { config, clock, service, hub }) => {
  const hosts = [
    {
      prefix: '/api/v1/operator/remote-support/sessions',
      access: access.operatorArea('support'),
      host: (request: FastifyRequest): Host => ({ operatorId: signedInOperator(request).operatorId }),
      params: sessionParams,
    },
    {
      prefix: '/api/v1/accounts/:accountId/remote-support/sessions',
      access: access.member('remote_support.host'),
      host: (request: FastifyRequest): Host => {
        const member = signedInMember(request);
        return { userId: member.userId, accountId: member.accountId };
      },
      params: accountSessionParams,
    },
  ];

  for (const { prefix, access: who, host, params } of hosts) {
    const forAccount = prefix.includes(':accountId');
    app.post(
      prefix,
      {
        config: { access: who },
        schema: {
          tags,
          summary:
            'Start a remote-support session: a single-use six-digit number, void after 10 minutes unused',
          ...(forAccount ? { params: accountParams } : {}),
          body: startBody,
          response: { 201: startedSession, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const started = await service.start({
          host: host(request),
          operatorName: request.operator?.name ?? null,
          mode: request.body.mode,
          locale: request.locale,
          actor: auditActor(request),
        });
        return reply.status(201).send(started);
      },
    );

    app.get(
      prefix,
      {
        config: { access: who },
        schema: {
          tags,
          summary: 'The sessions this host started, newest first',
          ...(forAccount ? { params: accountParams } : {}),
          response: { 200: sessionList, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => service.list(host(request)),
    );

    app.get(
      `${prefix}/:sessionId/log`,
      {
        config: { access: who },
        schema: {
          tags,
          summary: "A session's log as the server wrote it (R6)",
          params,
          response: { 200: sessionLog, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => service.logOf(host(request), (request.params as { sessionId: string }).sessionId),
    );

    // The host's signalling socket; its session is checked before the upgrade, so a wrong one answers 404.
    app.get(
      `${prefix}/:sessionId/socket`,
      {
        websocket: true,
        config: { access: who },
        schema: { params },
        preHandler: async (request) => {
          const { sessionId } = request.params as { sessionId: string };
          request.supportSession = await service.liveSession(host(request), sessionId);
        },
      },
      (socket, request) => {
        hub.hostConnected(socket, request.supportSession as SessionRow, request.ip, request.t);
      },
    );
  }

  app.get(
    '/api/v1/remote-support/socket',
    {
      websocket: true,
      config: { access: access.public },
      schema: { querystring: clientSocketQuery },
    },
    (socket, request) => {
      const locale = resolveLocale({
        user: (request.query as { lang?: string }).lang,
        acceptLanguage: request.headers['accept-language'],
        fallback: config.defaultLocale,
      });
      hub.clientConnected(socket, request.ip, translator(locale));
    },
  );

  app.get(
    '/api/v1/remote-support/connectivity',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.remoteSupport.joinsPerAddressPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags,
        summary: "What the client's check before joining uses: STUN/TURN servers (credentials for 2 minutes)",
        response: { 200: connectivity, ...errorResponses(429) },
      },
    },
    async () => ({
      iceServers: iceServersFor(config.remoteSupport, 'check', addMilliseconds(clock.now(), minutes(2))),
      turnConfigured: turnConfigured(config.remoteSupport),
      relayOnly: config.remoteSupport.relayOnly,
      probeUrl: '/api/v1/remote-support/probe',
      probeBytes: probe.length,
    }),
  );

  app.get(
    '/api/v1/remote-support/probe',
    {
      config: {
        access: access.public,
        rateLimit: { max: config.remoteSupport.joinsPerAddressPerMinute, timeWindow: 60_000 },
      },
      schema: { tags, summary: 'Random bytes for the throughput check before joining' },
    },
    async (_request, reply) =>
      reply
        .header('content-type', 'application/octet-stream')
        .header('cache-control', 'no-store')
        .send(probe),
  );
};

import type { FastifyRequest } from 'fastify';

/** Who is acting, for the audit log: the signed-in member or operator, or nobody yet (registration). */
export function auditActor(request: FastifyRequest) {
  if (request.member) return { type: 'user' as const, id: request.member.userId, ipAddress: request.ip };
  if (request.operator)
    return { type: 'operator' as const, id: request.operator.operatorId, ipAddress: request.ip };
  return { type: 'system' as const, id: null, ipAddress: request.ip };
}

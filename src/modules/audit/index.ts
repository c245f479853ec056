export { auditRoutes } from './audit.routes.ts';
export { type AuditActor, type AuditService, createAuditService, systemActor } from './audit.service.ts';

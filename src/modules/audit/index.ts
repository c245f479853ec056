export { auditRoutes } from './audit.routes.ts';
export { type AuditActor, type AuditService, createAuditService } from './audit.service.ts';

export { type AuditActor, type AuditService, createAuditService } from './audit.service.ts';

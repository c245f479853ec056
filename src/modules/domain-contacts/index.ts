export { domainContactsRoutes } from './domain-contacts.routes.ts';
export { createDomainContactsService, type DomainContactsService } from './domain-contacts.service.ts';

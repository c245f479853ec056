export { createDnsProvider, type DnsProvider, RecordingDnsProvider } from './dns-provider.ts';
export { isDomainRegistrant } from './domains.repository.ts';
export { domainsRoutes } from './domains.routes.ts';
export { createDomainsService, type DomainsService } from './domains.service.ts';

export { providerErrors } from './provider.errors.ts';
export { providerRoutes } from './provider.routes.ts';
export { createProviderService, type ProviderIdentity, type ProviderService } from './provider.service.ts';

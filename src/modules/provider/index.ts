export { providerErrors } from './provider.errors.ts';
export { providerRoutes } from './provider.routes.ts';
export {
  createProviderService,
  type ProviderIdentity,
  type ProviderService,
  type SellerData,
} from './provider.service.ts';

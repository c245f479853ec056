export { hostedProductErrors } from './hosted-products.errors.ts';
export { hostedProductsRoutes } from './hosted-products.routes.ts';
export { createHostedProductsService, type HostedProductsService } from './hosted-products.service.ts';

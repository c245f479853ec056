export { catalogueErrors } from './catalogue.errors.ts';
export { catalogueRoutes } from './catalogue.routes.ts';
export { type ServiceAdapter, type ServiceUnit, serviceUnits } from './catalogue.schemas.ts';
export { type CatalogueService, createCatalogueService, grossOf } from './catalogue.service.ts';
export { demoServices, seedDemoCatalogue } from './demo-catalogue.ts';
export { subscriptionsRoutes } from './subscriptions.routes.ts';
export { createSubscriptionsService, type SubscriptionsService } from './subscriptions.service.ts';
export {
  type UsableService,
  usableServicesColumn,
  usableServicesOf,
} from './usable-services.repository.ts';
export { usageRoutes as usageReportRoutes } from './usage.routes.ts';
export {
  createUsageService as createUsageReportService,
  type UsageService as UsageReportService,
} from './usage.service.ts';

export { expressSetupRoutes } from './express-setup.routes.ts';
export { createExpressSetupService, type ExpressSetupService } from './express-setup.service.ts';

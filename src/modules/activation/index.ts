export { accountActivationRoutes, activationRoutes, operatorActivationRoutes } from './activation.routes.ts';
export { type ActivationService, createActivationService } from './activation.service.ts';

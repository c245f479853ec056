export { accountActivationRoutes, activationRoutes, operatorActivationRoutes } from './activation.routes.ts';
export { securityQuestion } from './activation.schemas.ts';
export { type ActivationService, createActivationService } from './activation.service.ts';

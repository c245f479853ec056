export { operatorRoutes } from './operators.routes.ts';
export { createOperatorsService, type OperatorsService } from './operators.service.ts';

export { actingErrors } from './acting.errors.ts';
export { actingRoutes } from './acting.routes.ts';
export { type ActingForCustomers, createActingForCustomers } from './acting.service.ts';

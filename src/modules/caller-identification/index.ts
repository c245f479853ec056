export { callerIdentificationRoutes, ownIdentificationRoutes } from './caller-identification.routes.ts';
export { type CallerIdentification, createCallerIdentification } from './caller-identification.service.ts';

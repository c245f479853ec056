export type { ServiceAdapter, ServiceAnswer, ServiceRequest } from './adapters/index.ts';
export { type BatchService, createBatchService } from './batch.service.ts';
export { createGatewayService, type GatewayService } from './gateway.service.ts';
export { createGatewayRetention, type GatewayRetention } from './gateway-retention.ts';
export { batchErrors, eventRefusals, gatewayErrors } from './usage.errors.ts';
export { usageRoutes } from './usage.routes.ts';

export { accountProvisioningRoutes } from './account-provisioning.routes.ts';
export { type AccountProvisioning, createAccountProvisioning } from './account-provisioning.ts';
export { accountsRoutes } from './accounts.routes.ts';
export { type AccountsService, createAccountsService } from './accounts.service.ts';

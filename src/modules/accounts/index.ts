export { accountsRoutes } from './accounts.routes.ts';
export { type AccountsService, activationLinkValidity, createAccountsService } from './accounts.service.ts';

export { accountSwitchRoutes } from './account-switch.routes.ts';
export { createAccountSwitch } from './account-switch.ts';
export { authRoutes } from './auth.routes.ts';
export { type AuthService, createAuthService } from './auth.service.ts';

export { activationLinkValidity } from './activation-mail.ts';
export { rotateAccessKey } from './credentials.ts';
export { meRoutes } from './me.routes.ts';
export { memberPermissionsRoutes } from './member-permissions.routes.ts';
export { assertMayChange, catalogueOnly, createMemberPermissions } from './member-permissions.ts';
export { createOwnProfile } from './own-profile.ts';
export { createOwnership } from './ownership.ts';
export { userAdministrationRoutes } from './user-administration.routes.ts';
export {
  type AlsoInTransaction,
  createUserAdministration,
  type PersonalData,
  type UserAdministration,
} from './user-administration.ts';
export { userErrors } from './users.errors.ts';
export { usersRoutes } from './users.routes.ts';
export {
  type AccountUser,
  createUsersService,
  isAccountUser,
  type NewUserDetails,
  normalizeEmail,
  normalizeIdentifier,
  type PersonalIdentityDetails,
  type SignInIdentifier,
  type UsersService,
} from './users.service.ts';

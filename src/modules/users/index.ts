export { usersRoutes } from './users.routes.ts';
export {
  createUsersService,
  type NewUserDetails,
  normalizeEmail,
  type UsersService,
} from './users.service.ts';

export { twoFactorErrors } from './two-factor.errors.ts';
export { twoFactorRoutes } from './two-factor.routes.ts';
export {
  challengeBody,
  challengeConfirmBody,
  challengeOnlyBody,
  challengeResponse,
  enrolment,
} from './two-factor.schemas.ts';
export {
  challengeValidity,
  createTwoFactorService,
  type Person,
  type TwoFactorService,
} from './two-factor.service.ts';

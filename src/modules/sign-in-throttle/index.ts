export { bruteForcePolicy } from './policy.ts';
export {
  createSignInThrottle,
  identifierKey,
  type SignInIdentifier,
  type SignInThrottle,
  throttleErrors,
} from './sign-in-throttle.ts';

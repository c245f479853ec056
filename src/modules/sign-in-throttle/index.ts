export { bruteForcePolicy } from './policy.ts';
export {
  createSignInThrottle,
  identifierKey,
  type SignInThrottle,
  throttleErrors,
} from './sign-in-throttle.ts';

// The pages anybody may open, in one chunk.
import { ForgotPasswordPage } from '../../features/password/ForgotPasswordPage.tsx';
import { ResetPasswordPage } from '../../features/password/ResetPasswordPage.tsx';

export { ActivatePage } from '../../features/activation/ActivatePage.tsx';
export { UnsubscribePage } from '../../features/contacts/UnsubscribePage.tsx';
export { CredentialsRequestPage } from '../../features/credential-requests/CredentialsRequestPage.tsx';
export { InvitationPage } from '../../features/invitations/InvitationPage.tsx';
export { ConfirmEmailChangePage } from '../../features/links/ConfirmEmailChangePage.tsx';
export { ConfirmEmailPage } from '../../features/links/ConfirmEmailPage.tsx';
export { PortalLinkPage } from '../../features/links/PortalLinkPage.tsx';
export { RevealPage } from '../../features/links/RevealPage.tsx';
export { OperatorSignInPage } from '../../features/operator/OperatorSignInPage.tsx';
export { OperatorInvitationPage } from '../../features/operator-staff/OperatorInvitationPage.tsx';
export { CheckEmailPage } from '../../features/register/CheckEmailPage.tsx';
export { RegisterPage } from '../../features/register/RegisterPage.tsx';
export { ClientSupportPage } from '../../features/remote-support/ClientSupportPage.tsx';
export { SetupPage } from '../../features/setup/SetupPage.tsx';
export { SignInPage } from '../../features/sign-in/SignInPage.tsx';
export { ForgotPasswordPage, ResetPasswordPage };

export const OperatorForgotPasswordPage = () => <ForgotPasswordPage area="operator" />;
export const OperatorResetPasswordPage = () => <ResetPasswordPage area="operator" />;

// T1: the express setup as the server answers it, and the one query every step and the settings page read.
import { useQueryClient } from '@tanstack/react-query';
import { type ApiResult, api } from '../../api/client.ts';

export type ExpressSetup = ApiResult<'/api/v1/accounts/{accountId}/express-setup'>;
export type WizardStep = ExpressSetup['progress']['step'];

export const wizardSteps = [
  'companyGreeting',
  'operator',
  'myInformation',
  'phones',
  'voicemail',
  'client',
  'done',
] as const satisfies readonly WizardStep[];

export const dateFormats = ['DD.MM.YYYY', 'YYYY.MM.DD', 'YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export const clientKinds = ['desktop_app', 'mobile_app', 'browser'] as const;
/** What "skip" keeps on the app-or-browser step: the seed's "in the browser, skip this step". */
export const defaultClientKind = 'browser';
export const greetingLimit = 500;

export const expressSetupPath = '/api/v1/accounts/{accountId}/express-setup';

export function useExpressSetup(accountId: string) {
  return api.useQuery('get', expressSetupPath, { params: { path: { accountId } } });
}

/** After a step was saved: everything shown is read again (a step may change what another shows). */
export function useExpressSetupChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['get', expressSetupPath] });
}

/** A text area's line breaks as spaces: the greeting is one paragraph read out to callers. */
export const oneParagraph = (text: string) => text.replace(/\s+/g, ' ').trim();

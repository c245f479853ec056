import { Button, Code, CopyButton, Group, Image, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../api/client.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { CodeInput } from './CodeInput.tsx';

export type Enrolment = ApiResult<'/api/v1/me/two-factor/enrolment', 'post'>;

/** The secret in groups of four, as apps show it; the gaps are margins, so a copy has none. */
const grouped = (secret: string) => secret.match(/.{1,4}/g) ?? [];

/** Scan the QR code (or type the key), then confirm with the app's first code. */
export function EnrolmentSteps({
  enrolment,
  confirm,
}: {
  enrolment: Enrolment;
  /** Sends the first code; throws the server's refusal, which the form shows. */
  confirm: (code: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const required = useRequired();
  const form = useKontorForm({ initialValues: { code: '' }, validate: { code: required } });
  return (
    <Stack gap="md" maw={480}>
      <Text>{t('twoFactor.scan')}</Text>
      <Image src={enrolment.qrCode} alt={t('twoFactor.qrAlt')} w={224} h={224} />
      <div>
        <Text size="sm" fw={500} id="two-factor-secret-label">
          {t('twoFactor.secretLabel')}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Code
            fz="md"
            aria-labelledby="two-factor-secret-label"
            data-secret={enrolment.secret}
            style={{ display: 'inline-flex', flexWrap: 'wrap', columnGap: '0.5em' }}
          >
            {grouped(enrolment.secret).map((group, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the groups of one fixed secret
              <span key={index}>{group}</span>
            ))}
          </Code>
          <CopyButton value={enrolment.secret} timeout={2000}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? t('twoFactor.copied') : t('twoFactor.copySecret')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </div>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={form.submit(({ code }) => confirm(code.trim()))} noValidate>
        <Stack gap="sm">
          <CodeInput
            label={t('twoFactor.codeLabel')}
            description={t('twoFactor.codeHint')}
            {...form.getInputProps('code')}
            key={form.key('code')}
            required
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('twoFactor.confirm')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

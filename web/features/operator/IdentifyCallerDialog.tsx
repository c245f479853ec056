// S6: the service desk's check of a caller. The operator enters customer number and user number, sees whom
// they name and which question to ask, then enters the PIN or answer the caller gives: match or no match.
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { displayName } from '../../ui/display-name.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { PasswordField } from '../../ui/PasswordField.tsx';

type Caller = ApiResult<'/api/v1/operator/identify-caller/lookup', 'post'>;
type Verdict = ApiResult<'/api/v1/operator/identify-caller', 'post'>;

export function IdentifyCallerDialog({
  opened,
  onClose,
  onExitTransitionEnd,
}: {
  opened: boolean;
  onClose: () => void;
  onExitTransitionEnd: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      returnFocus={false}
      onExitTransitionEnd={onExitTransitionEnd}
      title={t('callerCheck.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
      size="lg"
    >
      {/* A fresh dialog each time: nothing of the previous caller stays. */}
      {opened && <CallerCheck />}
    </Modal>
  );
}

function CallerCheck() {
  const { t, i18n } = useTranslation();
  const required = useRequired();
  const [caller, setCaller] = useState<{
    numbers: { customerNumber: string; userNumber: string };
    found: Caller;
  } | null>(null);
  const lookUp = api.useMutation('post', '/api/v1/operator/identify-caller/lookup');
  const form = useKontorForm({
    initialValues: { customerNumber: '', userNumber: '' },
    validate: { customerNumber: required, userNumber: required },
  });
  const find = form.submit(async (values) => {
    const numbers = { customerNumber: values.customerNumber.trim(), userNumber: values.userNumber.trim() };
    setCaller({ numbers, found: await lookUp.mutateAsync({ body: numbers }) });
  });

  if (caller) {
    return (
      <Check
        numbers={caller.numbers}
        caller={caller.found}
        time={(iso) => formatDateTime(iso, i18n.language)}
        onOther={() => {
          setCaller(null);
          form.reset();
        }}
      />
    );
  }
  return (
    <>
      <Text mb="md">{t('callerCheck.intro')}</Text>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={find} noValidate>
        <Stack>
          <TextInput
            label={t('callerCheck.customerNumber')}
            name="customerNumber"
            autoComplete="off"
            {...form.getInputProps('customerNumber')}
            key={form.key('customerNumber')}
            required
            data-autofocus
          />
          <TextInput
            label={t('callerCheck.userNumber')}
            name="userNumber"
            autoComplete="off"
            inputMode="numeric"
            {...form.getInputProps('userNumber')}
            key={form.key('userNumber')}
            required
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('callerCheck.find')}
          </Button>
        </Stack>
      </form>
    </>
  );
}

function Check({
  numbers,
  caller,
  time,
  onOther,
}: {
  numbers: { customerNumber: string; userNumber: string };
  caller: Caller;
  time: (iso: string) => string;
  onOther: () => void;
}) {
  const { t } = useTranslation();
  const required = useRequired();
  const identify = api.useMutation('post', '/api/v1/operator/identify-caller');
  const [verdict, setVerdict] = useState<(Verdict & { attempt: number }) | null>(null);
  const firstMethod = caller.hasPin ? 'pin' : 'answer';
  const form = useKontorForm({
    initialValues: { method: firstMethod, value: '' },
    validate: { value: required },
  });
  const check = form.submit(async ({ method, value }) => {
    const answer = await identify.mutateAsync({
      body: { ...numbers, method: method === 'pin' ? 'pin' : 'answer', value },
    });
    form.setFieldValue('value', '');
    setVerdict((current) => ({ ...answer, attempt: (current?.attempt ?? 0) + 1 }));
  });
  const identifiable = caller.hasPin || caller.securityQuestion !== null;

  return (
    <Stack>
      <Text fw={500}>
        {t('callerCheck.caller', { name: displayName(caller.user), account: caller.account.name })}
      </Text>
      <Text>
        {caller.securityQuestion
          ? t('callerCheck.question', { question: t(`securityQuestions.${caller.securityQuestion}`) })
          : t('callerCheck.noQuestion')}
      </Text>
      {!caller.hasPin && <Text>{t('callerCheck.noPin')}</Text>}
      {caller.waitUntil && !verdict && (
        <Alert color="orange" variant="light" role="alert">
          {t('callerCheck.waiting', { time: time(caller.waitUntil) })}
        </Alert>
      )}
      {verdict && (
        <Alert
          key={verdict.attempt}
          color={verdict.match ? 'green' : 'red'}
          variant="light"
          role={verdict.match ? 'status' : 'alert'}
        >
          {verdict.match
            ? t('callerCheck.match')
            : verdict.waitUntil
              ? t('callerCheck.noMatchLocked', { time: time(verdict.waitUntil) })
              : t('callerCheck.noMatch', { count: verdict.triesLeft })}
        </Alert>
      )}
      <FormErrorAlert alert={form.alert} />
      {identifiable && (
        <form ref={form.formRef} onSubmit={check} noValidate>
          <Stack>
            <Radio.Group
              label={t('callerCheck.method')}
              {...form.getInputProps('method')}
              key={form.key('method')}
            >
              <Group mt="xs">
                <Radio value="pin" label={t('callerCheck.pin')} disabled={!caller.hasPin} />
                <Radio value="answer" label={t('callerCheck.answer')} disabled={!caller.securityQuestion} />
              </Group>
            </Radio.Group>
            {/* Masked like a password: the operator's screen may be seen by others. */}
            <PasswordField
              label={t('callerCheck.value')}
              name="value"
              autoComplete="off"
              {...form.getInputProps('value')}
              key={form.key('value')}
              required
            />
            <Group>
              <Button type="submit" loading={form.submitting}>
                {t('callerCheck.check')}
              </Button>
              <Button variant="default" onClick={onOther}>
                {t('callerCheck.other')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

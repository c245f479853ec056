import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { nameAutoComplete, nameFields } from './display-name.ts';
import { salutationOptions } from './salutation.ts';

interface PersonName {
  salutation: string;
  title: string;
  firstName: string;
  lastName: string;
}

/** Salutation, title and the names in the order the language writes them (Hungarian: family name first). */
export function PersonNameFields<Values extends PersonName>({ form }: { form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }}>
      <NativeSelect
        label={t('register.salutation')}
        name="salutation"
        data={salutationOptions(t)}
        {...form.getInputProps('salutation')}
        key={form.key('salutation')}
      />
      <TextInput
        label={t('register.personTitle')}
        description={t('register.personTitleHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        name="title"
        autoComplete="honorific-prefix"
        {...form.getInputProps('title')}
        key={form.key('title')}
      />
      {nameFields().map((name) => (
        <TextInput
          label={t(`register.${name}`)}
          name={name}
          autoComplete={nameAutoComplete[name]}
          {...form.getInputProps(name)}
          key={form.key(name)}
          required
        />
      ))}
    </SimpleGrid>
  );
}

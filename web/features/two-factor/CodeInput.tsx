import { TextInput, type TextInputProps } from '@mantine/core';

/** The six digits from the app: the browser and phone keyboards offer one-time codes here. */
export function CodeInput(props: TextInputProps) {
  return (
    <TextInput
      name="code"
      autoComplete="one-time-code"
      inputMode="numeric"
      maxLength={7}
      ff="monospace"
      w={200}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}

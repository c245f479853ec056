import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  MantineProvider,
  parseThemeColor,
  TableScrollContainer,
  type VariantColorsResolver,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../i18n/i18n.ts';
import { queryClient } from './query-client.ts';
import { router } from './router.tsx';

// Light variants (badges, alerts, subtle buttons, the active navigation entry) write in shade 9 of their
// colour and hover in shade 1: Mantine's defaults (text shade 6, hover shade 3) are below AA contrast.
// Yellow, orange, lime, green and teal stay below it even at shade 9 (teal: 4.3:1 on its shade 1), so they
// write in dark gray on their tint.
const paleColors = new Set(['yellow', 'orange', 'lime', 'green', 'teal']);
const lightText = (color: string) =>
  paleColors.has(color) ? 'var(--mantine-color-dark-7)' : `var(--mantine-color-${color}-9)`;

const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light' && input.variant !== 'subtle') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return colors;
  return { ...colors, color: lightText(parsed.color), hover: `var(--mantine-color-${parsed.color}-1)` };
};

// The same for components that read the global light-variant variables (NavLink), and helper and error
// texts at AA contrast on white: Mantine's defaults (gray 6, red 6) reach only 3.3:1.
const contrast: CSSVariablesResolver = (current) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': current.colors.gray[7],
    '--mantine-color-error': current.colors.red[9],
    '--mantine-primary-color-light-color': lightText(current.primaryColor),
    '--mantine-primary-color-light-hover': `var(--mantine-color-${current.primaryColor}-1)`,
  };
  for (const color of Object.keys(current.colors)) {
    light[`--mantine-color-${color}-light-color`] = lightText(color);
    light[`--mantine-color-${color}-light-hover`] = `var(--mantine-color-${color}-1)`;
  }
  return { variables: {}, light, dark: {} };
};

const theme = createTheme({
  variantColorResolver,
  primaryColor: 'indigo',
  // Shade 8 keeps links at AA contrast (4.5:1) also on a hovered table row; Mantine's default 6 gives 4.3:1 on white.
  primaryShade: { light: 8, dark: 8 },
  // Every focusable element shows a clear ring when reached by keyboard (text fields included, see layout.css).
  focusRing: 'auto',
  respectReducedMotion: true,
  components: {
    // A table wider than the screen scrolls inside its container, which a keyboard user can then focus and
    // scroll with the arrow keys.
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    }),
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={contrast}>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <Notifications position="top-right" />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}

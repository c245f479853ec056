// The few icons the app needs, drawn inline (no icon library). Decorative: the buttons carry the text.

const common = {
  width: 18,
  height: 18,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  focusable: false,
} as const;

/** "Person with a plus sign": creates a user, as in the desktop program's help. */
export function PersonPlusIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <circle cx="9" cy="7" r="4" />
      <path d="M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2" />
      <path d="M19 8v6M16 11h6" />
    </svg>
  );
}

/** Three dots: opens a row's actions. */
export function DotsIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <circle cx="5" cy="12" r="1" />
      <circle cx="12" cy="12" r="1" />
      <circle cx="19" cy="12" r="1" />
    </svg>
  );
}

export function PlusIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}

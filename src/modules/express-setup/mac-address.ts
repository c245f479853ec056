// T1: a phone's MAC address as people copy it from the label or the phone's menu. Four notations are read
// (AA-BB-CC-DD-EE-FF, aa:bb:cc:dd:ee:ff, aabb.ccdd.eeff, aabbccddeeff) and one is stored:
// AA:BB:CC:DD:EE:FF. A device has a unicast address: group (multicast, broadcast) and all-zero are refused.
import { expressSetupErrors } from './express-setup.errors.ts';

const notations = [
  /^[0-9a-f]{2}([-:])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/i,
  /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i,
  /^[0-9a-f]{12}$/i,
];

export type MacAddressCheck =
  | { macAddress: string }
  | {
      problem:
        | typeof expressSetupErrors.EXPRESS_SETUP_MAC_MALFORMED
        | typeof expressSetupErrors.EXPRESS_SETUP_MAC_NOT_UNICAST
        | typeof expressSetupErrors.EXPRESS_SETUP_MAC_ZERO;
    };

export function normalizeMacAddress(input: string): MacAddressCheck {
  const written = input.trim();
  if (!notations.some((notation) => notation.test(written))) {
    return { problem: expressSetupErrors.EXPRESS_SETUP_MAC_MALFORMED };
  }
  const hex = written.replace(/[-:.]/g, '').toUpperCase();
  if (/^0{12}$/.test(hex)) return { problem: expressSetupErrors.EXPRESS_SETUP_MAC_ZERO };
  // The I/G bit, the lowest bit of the first octet, marks a group address (FF:FF:… is one too).
  if (Number.parseInt(hex.slice(0, 2), 16) & 1) {
    return { problem: expressSetupErrors.EXPRESS_SETUP_MAC_NOT_UNICAST };
  }
  return { macAddress: hex.match(/../g)?.join(':') ?? hex };
}

// Ports of the throwaway nodes unit tests start, moved by NU_PORT_SHIFT so two checkouts of the project
// can run their test suites on one machine at once.
import { portShift } from '../../scripts/stack/config.ts';

export function testPort(base: number): string {
  return String(base + portShift());
}

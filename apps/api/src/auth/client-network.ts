import { isIPv4, isIPv6 } from 'node:net';

const IPV6_GROUPS = 8;
const SUBSCRIBER_GROUPS = 4;

/** The eight 16-bit groups of an IPv6 address, `::` expanded and a trailing dotted IPv4 part as two groups. */
function ipv6Groups(address: string): number[] {
  const toGroups = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!isIPv4(group)) return [Number.parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [a * 256 + b, c * 256 + d];
        });
  const [head = '', tail] = address.split('::');
  const left = toGroups(head);
  const right = tail === undefined ? [] : toGroups(tail);
  return [...left, ...new Array<number>(IPV6_GROUPS - left.length - right.length).fill(0), ...right];
}

/**
 * The network a client address is counted against by the sign-in lock-out: an IPv4 address (also
 * one written IPv4-mapped, `::ffff:a.b.c.d`) is itself; an IPv6 address stands for its /64, since
 * one subscriber or device holds a whole /64 and could otherwise try from a fresh address each time.
 */
export function clientNetwork(address: string): string {
  const unzoned = address.split('%')[0] ?? address;
  if (!isIPv6(unzoned)) return address;
  const groups = ipv6Groups(unzoned.toLowerCase());
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, SUBSCRIBER_GROUPS)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

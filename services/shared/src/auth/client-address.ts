import { isIPv4, isIPv6 } from 'node:net';

/**
 * The part of a client address that limits count against: an IPv4 address as is (also when it
 * arrives IPv4-mapped, `::ffff:1.2.3.4`), an IPv6 address by its /64 — one subscriber usually holds
 * a whole /64, so counting single IPv6 addresses would give an attacker 2^64 fresh counters.
 */
export function limitAddress(ip: string): string {
  const bare = withoutZone(ip);
  const v4 = ipv4Of(bare);
  if (v4) return v4;
  if (!isIPv6(bare)) return bare;
  return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`;
}


function withoutZone(ip: string): string {
  return ip.split('%')[0] ?? ip;
}

/** The IPv4 address, written plainly or IPv4-mapped; undefined for anything else. */
function ipv4Of(ip: string): string | undefined {
  if (isIPv4(ip)) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  return mapped !== undefined && isIPv4(mapped) ? mapped : undefined;
}

/** Eight lower-case hextets without leading zeros; an embedded IPv4 tail becomes two hextets. */
function expandIPv6(ip: string): string[] {
  let text = ip.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((h) => parseInt(h, 16).toString(16));
}

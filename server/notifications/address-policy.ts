import ipaddr from "ipaddr.js";

// Which addresses a webhook may reach. Only public unicast addresses, unless an operator allowlists a
// private range (WEBHOOK_ALLOWED_PRIVATE_RANGES). Checked on the addresses a name resolves to, on every
// request, so a name that later points inside the network is refused then. Pure.

export type AddressVerdict = { allowed: true; allowlisted: boolean } | { allowed: false; reason: string };

export type Allowlist = [ipaddr.IPv4 | ipaddr.IPv6, number][];

export function parseAllowlist(spec: string | undefined): Allowlist {
  if (!spec) return [];
  return spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((cidr) => {
      const withPrefix = cidr.includes("/") ? cidr : `${cidr}/${ipaddr.parse(cidr).kind() === "ipv4" ? 32 : 128}`;
      return ipaddr.parseCIDR(withPrefix);
    });
}

function normalize(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ""));
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
  return parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address()
    : parsed;
}

function inAllowlist(ip: ipaddr.IPv4 | ipaddr.IPv6, allowlist: Allowlist): boolean {
  return allowlist.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits));
}

export function judgeAddress(address: string, allowlist: Allowlist): AddressVerdict {
  if (!ipaddr.isValid(address.replace(/^\[|\]$/g, ""))) return { allowed: false, reason: `not an IP address: ${address}` };
  const ip = normalize(address);
  if (inAllowlist(ip, allowlist)) return { allowed: true, allowlisted: true };
  const range = ip.range();
  // "unicast" is ipaddr.js's name for everything outside the special-purpose registries.
  if (range === "unicast") return { allowed: true, allowlisted: false };
  return { allowed: false, reason: `${ip.toString()} is in a ${range} range` };
}

/** Every resolved address must pass: one private answer among public ones is still refused. */
export function judgeAddresses(addresses: string[], allowlist: Allowlist): AddressVerdict {
  if (addresses.length === 0) return { allowed: false, reason: "the name resolves to no address" };
  let allAllowlisted = true;
  for (const a of addresses) {
    const verdict = judgeAddress(a, allowlist);
    if (!verdict.allowed) return verdict;
    allAllowlisted &&= verdict.allowlisted;
  }
  return { allowed: true, allowlisted: allAllowlisted };
}

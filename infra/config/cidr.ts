// IPv4 CIDR arithmetic for checking and sizing the dedicated VPC's address block.

export interface Ipv4Cidr {
    /** The first address as an unsigned 32-bit number. */
    readonly base: number;
    readonly prefix: number;
}

const privateRanges: readonly Ipv4Cidr[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(
    (text) => parseIpv4Cidr(text) as Ipv4Cidr,
);

/** Parses "a.b.c.d/p"; undefined when the text is not an IPv4 CIDR block. */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
    if (match === null) {
        return undefined;
    }
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    if (octets.some((octet) => octet > 255) || prefix > 32) {
        return undefined;
    }
    return { base: octets.reduce((address, octet) => address * 256 + octet, 0), prefix };
}

/** True when no host bits are set, e.g. 10.0.0.0/16 but not 10.0.1.0/16. */
export function isNetworkAddress(cidr: Ipv4Cidr): boolean {
    return cidr.base % blockSize(cidr.prefix) === 0;
}

/** True when the block lies inside one of the RFC 1918 private ranges. */
export function isPrivate(cidr: Ipv4Cidr): boolean {
    return privateRanges.some(
        (range) =>
            cidr.prefix >= range.prefix &&
            cidr.base >= range.base &&
            cidr.base + blockSize(cidr.prefix) <= range.base + blockSize(range.prefix),
    );
}

/** "a.b.c.d/p". */
export function formatIpv4Cidr(cidr: Ipv4Cidr): string {
    return `${formatAddress(cidr.base)}/${cidr.prefix}`;
}

function blockSize(prefix: number): number {
    return 2 ** (32 - prefix);
}

function formatAddress(address: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}

// Network rules stated only in AWS's documentation (the EC2 model types these members as plain strings and
// integers): address blocks, VPC and subnet sizes, security group names and descriptions, rule protocols and ports.
import { isIPv4, isIPv6 } from "net";
import { resourceTypes as t } from "../../../resourceTypes";
import { DocumentedRule, inputRule } from "../documentedRule";
import { endpointSpecsRule } from "./vpcEndpoints";

const ec2Api = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference";
const vpcSizes = "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html";

/** "10.0.0.0/16" → its prefix length, or undefined when it is no IPv4 block with its host bits clear. */
export function ipv4PrefixLength(block: string): number | undefined {
    const [address, bits, ...rest] = block.split("/");
    const length = Number(bits);
    if (rest.length > 0 || !isIPv4(address) || !/^\d{1,2}$/.test(bits ?? "") || length > 32) {
        return undefined;
    }
    const value = address.split(".").reduce((sum, octet) => sum * 256 + Number(octet), 0);
    const hostBits = 2 ** (32 - length);
    return value % hostBits === 0 ? length : undefined;
}

function isIpv6Block(block: string): boolean {
    const [address, bits, ...rest] = block.split("/");
    return rest.length === 0 && isIPv6(address) && /^\d{1,3}$/.test(bits ?? "") && Number(bits) <= 128;
}

/** Security group names and descriptions: up to 255 characters from this set (CreateSecurityGroup). */
const groupText = /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]{0,255}$/;
const groupTextRule = "up to 255 characters: letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*";

function blockSize(input: string): DocumentedRule {
    return inputRule(input, "an IPv4 block from /16 to /28", vpcSizes, (block) => {
        const length = ipv4PrefixLength(String(block));
        return length === undefined || length < 16 || length > 28;
    });
}

function ruleChecks(): DocumentedRule[] {
    const portsNeeded = (inputs: Readonly<Record<string, unknown>>) =>
        ["tcp", "udp", "6", "17"].includes(String(inputs.ipProtocol).toLowerCase());
    const port = (input: string) =>
        inputRule(
            input,
            "a port from 0 to 65535 for tcp and udp",
            `${ec2Api}/API_IpPermission.html`,
            (value, inputs) =>
                portsNeeded(inputs) &&
                !(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 65535),
        );
    return [
        inputRule(
            "ipProtocol",
            "tcp, udp, icmp, icmpv6, -1 (all) or a protocol number from 0 to 255",
            `${ec2Api}/API_IpPermission.html`,
            (protocol) => {
                const text = String(protocol).toLowerCase();
                return !(
                    ["tcp", "udp", "icmp", "icmpv6", "-1"].includes(text) ||
                    (/^\d{1,3}$/.test(text) && Number(text) <= 255)
                );
            },
        ),
        port("fromPort"),
        port("toPort"),
        inputRule(
            "toPort",
            "fromPort is at most toPort",
            `${ec2Api}/API_IpPermission.html`,
            (to, inputs) =>
                portsNeeded(inputs) && typeof inputs.fromPort === "number" && inputs.fromPort > (to as number),
        ),
        inputRule(
            "cidrIpv4",
            "an IPv4 block with its host bits clear",
            `${ec2Api}/API_IpRange.html`,
            (block) => ipv4PrefixLength(String(block)) === undefined,
        ),
        inputRule("cidrIpv6", "an IPv6 block", `${ec2Api}/API_Ipv6Range.html`, (block) => !isIpv6Block(String(block))),
        inputRule("description", groupTextRule, `${ec2Api}/API_IpRange.html`, (text) => !groupText.test(String(text))),
    ];
}

export const ec2Rules: Readonly<Record<string, readonly DocumentedRule[]>> = {
    [t.vpc]: [blockSize("cidrBlock")],
    "awsx:ec2:Vpc": [
        blockSize("cidrBlock"),
        {
            rule: "each subnet's cidrMask from /16 to /28",
            source: vpcSizes,
            violations: (inputs) =>
                ((inputs.subnetSpecs as { cidrMask?: number }[] | undefined) ?? []).flatMap((spec, i) =>
                    spec.cidrMask !== undefined && (spec.cidrMask < 16 || spec.cidrMask > 28)
                        ? [{ input: `subnetSpecs[${i}].cidrMask`, value: spec.cidrMask }]
                        : [],
                ),
        },
        endpointSpecsRule,
    ],
    [t.subnet]: [blockSize("cidrBlock")],
    [t.securityGroup]: [
        inputRule(
            "name",
            groupTextRule,
            `${ec2Api}/API_CreateSecurityGroup.html`,
            (name) => !groupText.test(String(name)),
        ),
        inputRule("name", 'must not begin with "sg-"', `${ec2Api}/API_CreateSecurityGroup.html`, (name) =>
            String(name).toLowerCase().startsWith("sg-"),
        ),
        inputRule(
            "description",
            groupTextRule,
            `${ec2Api}/API_CreateSecurityGroup.html`,
            (text) => !groupText.test(String(text)),
        ),
    ],
    [t.ingressRule]: ruleChecks(),
    [t.egressRule]: ruleChecks(),
    [t.routeTable]: [
        {
            rule: "each route's destination is an IPv4 block with its host bits clear",
            source: `${ec2Api}/API_CreateRoute.html`,
            violations: (inputs) =>
                ((inputs.routes as { cidrBlock?: string }[] | undefined) ?? []).flatMap((route, i) =>
                    route.cidrBlock !== undefined && ipv4PrefixLength(route.cidrBlock) === undefined
                        ? [{ input: `routes[${i}].cidrBlock`, value: route.cidrBlock }]
                        : [],
                ),
        },
    ],
};

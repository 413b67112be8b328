// What a reviewer must not miss in a change, called out by name: ingress from anywhere added or removed, public IP
// addresses gained or lost, and IAM roles, trust and policy statements added or removed. Read from both snapshots
// (a base read back from JSON has nothing else); labels come from the head plan, where unchanged ARNs read the same.
import { CostEstimate } from "../cost/estimate";
import { at, listAt, textAt } from "../cost/inputs";
import { otherIam, policyStatements, roleNames, trust } from "./iamCallouts";
import { StackModel } from "../model/stackModel";
import { Snapshot, SnapshotResource } from "../model/snapshot";
import { resourceTypes as t } from "../../resourceTypes";

export interface Callout {
    kind: "public" | "iam";
    text: string;
}

export function callouts(base: Snapshot, head: StackModel, baseCost?: CostEstimate): Callout[] {
    const public_ = [
        ...changes(anywhereIngress(base), anywhereIngress(head.snapshot), "ingress from anywhere"),
        ...flips(base, head.snapshot, t.service, publicTasks, "its tasks get public IP addresses"),
        ...flips(
            base,
            head.snapshot,
            t.loadBalancer,
            (lb) => at(lb.inputs, "internal") !== true,
            "an internet-facing load balancer",
        ),
        ...flips(
            base,
            head.snapshot,
            t.subnet,
            (s) => at(s.inputs, "mapPublicIpOnLaunch") === true,
            "gives public IP addresses on launch",
        ),
        ...addressCount(baseCost, head.snapshot.cost),
    ];
    const iam = [
        ...changes(roleNames(base), roleNames(head.snapshot), "IAM role"),
        ...changes(trust(base, head), trust(head.snapshot, head), "IAM trust"),
        ...changes(policyStatements(base, head), policyStatements(head.snapshot, head), "IAM statement"),
        ...changes(otherIam(base), otherIam(head.snapshot), "IAM resource"),
    ];
    return [
        ...public_.map((text): Callout => ({ kind: "public", text })),
        ...iam.map((text): Callout => ({ kind: "iam", text })),
    ];
}

/** "new X: a", "removed X: b" for what only one side holds. */
function changes(before: ReadonlySet<string>, after: ReadonlySet<string>, what: string): string[] {
    return [
        ...[...after].filter((item) => !before.has(item)).map((item) => `new ${what}: ${item}`),
        ...[...before].filter((item) => !after.has(item)).map((item) => `removed ${what}: ${item}`),
    ];
}

const publicTasks = (service: SnapshotResource) =>
    at(service.inputs, "networkConfiguration", "assignPublicIp") === true;

/** "app-service: its tasks get public IP addresses" when `holds` became true, "... no longer ..." when false. */
function flips(
    base: Snapshot,
    head: Snapshot,
    type: string,
    holds: (resource: SnapshotResource) => boolean,
    what: string,
): string[] {
    const named = (snapshot: Snapshot) =>
        new Set(snapshot.resources.filter((r) => r.type === type && holds(r)).map((r) => r.name));
    const [before, after] = [named(base), named(head)];
    return [
        ...[...after].filter((name) => !before.has(name)).map((name) => `${name}: ${what}`),
        ...[...before].filter((name) => !after.has(name)).map((name) => `${name}: no longer ${what}`),
    ];
}

/** Every rule that admits 0.0.0.0/0 or ::/0, as "tcp 443 from 0.0.0.0/0 into firewall-alb". */
function anywhereIngress(snapshot: Snapshot): Set<string> {
    const group = (rule: SnapshotResource) =>
        rule.dependencies
            .map((urn) => snapshot.resources.find((r) => r.urn === urn))
            .find((r) => r?.type === t.securityGroup)?.name ?? String(at(rule.inputs, "securityGroupId"));
    const rules = snapshot.resources
        .filter((r) => r.type === t.ingressRule)
        .filter((r) => textAt(r.inputs, "cidrIpv4") === "0.0.0.0/0" || textAt(r.inputs, "cidrIpv6") === "::/0")
        .map(
            (r) =>
                `${ports(r.inputs)} from ${textAt(r.inputs, "cidrIpv4") ?? textAt(r.inputs, "cidrIpv6")} into ${group(r)}`,
        );
    const inline = snapshot.resources
        .filter((r) => r.type === t.securityGroup)
        .flatMap((group) =>
            listAt(group.inputs, "ingress")
                .filter((rule) =>
                    [...listAt(rule, "cidrBlocks"), ...listAt(rule, "ipv6CidrBlocks")].some(
                        (c) => c === "0.0.0.0/0" || c === "::/0",
                    ),
                )
                .map((rule) => `${ports(rule)} from anywhere into ${group.name} (inline rule)`),
        );
    return new Set([...rules, ...inline]);
}

function ports(rule: unknown): string {
    const protocol = String(at(rule, "ipProtocol") ?? at(rule, "protocol"));
    if (protocol === "-1" || protocol === "all") {
        return "all traffic";
    }
    const from = at(rule, "fromPort");
    const to = at(rule, "toPort");
    return `${protocol} ${from === to ? String(from) : `${String(from)}-${String(to)}`}`;
}

/** The public IPv4 addresses the estimate counts (tasks at most, load balancer nodes, NAT gateways). */
function addressCount(before: CostEstimate | undefined, after: CostEstimate | undefined): string[] {
    const count = (estimate: CostEstimate) =>
        estimate.lines
            .filter((line) => line.key.startsWith("public-ipv4"))
            .reduce((sum, line) => sum + line.count.high, 0);
    if (before === undefined || after === undefined || count(before) === count(after)) {
        return [];
    }
    return [`public IPv4 addresses (at most): ${count(before)} → ${count(after)}`];
}

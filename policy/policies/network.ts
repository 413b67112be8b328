// Who can reach what: tasks only through the load balancer, and nothing from the internet but the load balancer's
// HTTP and HTTPS listeners.
import type { StackValidationPolicy } from "@pulumi/policy";
import { inboundRules, loadBalancerGroups, ports, sources, world } from "./inbound";
import { dependedOn, label, ofType, types } from "./scope";

export const tasksReachableOnlyFromLoadBalancer: StackValidationPolicy = {
    name: "tasks-reachable-only-from-load-balancer",
    description:
        "Every ECS service sits behind a load balancer, and its tasks' security groups accept inbound traffic from " +
        "the load balancers' security groups only: no address block, prefix list or other group reaches a task.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const loadBalancerGroupUrns = new Set(loadBalancerGroups(args.resources).map((group) => group.urn));
        const rules = inboundRules(args.resources);
        for (const service of ofType(args.resources, types.service)) {
            if (!Array.isArray(service.props.loadBalancers) || service.props.loadBalancers.length === 0) {
                reportViolation(`${label(service)} is not behind a load balancer (no loadBalancers).`, service.urn);
            }
            const taskGroups = dependedOn(service, "networkConfiguration", types.securityGroup);
            if (taskGroups.length === 0) {
                reportViolation(
                    `${label(service)} uses no security group declared in this stack, so who reaches its tasks cannot be checked.`,
                    service.urn,
                );
            }
            for (const group of taskGroups) {
                for (const rule of rules.filter((candidate) => candidate.group?.urn === group.urn)) {
                    const fromLoadBalancer =
                        rule.addresses.length === 0 &&
                        rule.otherGroups.length === 0 &&
                        !rule.self &&
                        rule.groups.length > 0 &&
                        rule.groups.every((source) => loadBalancerGroupUrns.has(source.urn));
                    if (!fromLoadBalancer) {
                        reportViolation(
                            `${label(group)}, the tasks' group of ${label(service)}, accepts ${ports(rule)} from ` +
                                `${sources(rule) || "nothing named"} (${label(rule.declaredBy)}); allowed: the load balancers' security groups only.`,
                            rule.declaredBy.urn,
                        );
                    }
                }
            }
        }
    },
};

/** The listener ports a load balancer may open to the internet. */
const publicPorts = [80, 443];

export const onlyLoadBalancerOpenToWorld: StackValidationPolicy = {
    name: "only-load-balancer-open-to-world",
    description:
        "No security group rule admits 0.0.0.0/0 or ::/0 except TCP 80 and 443 into a load balancer's security group.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const loadBalancerGroupUrns = new Set(loadBalancerGroups(args.resources).map((group) => group.urn));
        for (const rule of inboundRules(args.resources)) {
            const open = rule.addresses.filter((address) => world.includes(address));
            if (open.length === 0) {
                continue;
            }
            const listenerPort =
                rule.protocol === "tcp" && rule.fromPort === rule.toPort && publicPorts.includes(rule.fromPort);
            const intoLoadBalancer = rule.group !== undefined && loadBalancerGroupUrns.has(rule.group.urn);
            if (!listenerPort || !intoLoadBalancer) {
                reportViolation(
                    `${label(rule.declaredBy)} opens ${ports(rule)} to ${open.join(" and ")} on ` +
                        `${rule.group === undefined ? "a group not declared in this stack" : label(rule.group)}; ` +
                        "allowed: only tcp 80 and 443 into a load balancer's security group.",
                    rule.declaredBy.urn,
                );
            }
        }
    },
};

// The SecurityGroups component alone: who may talk to whom, with HTTPS off and on.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as aws from "@pulumi/aws";
import { SecurityGroups, SecurityGroupsArgs } from "../../../infra/network/securityGroups";
import { Declared, promiseOf, tokens } from "../stackRun";
import { declaredBy, engine } from "./unitEngine";

const baseArgs: SecurityGroupsArgs = { vpcId: "vpc-0123456789abcdef0", containerPort: 8080, https: undefined };
const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef";

function rulesOf(declared: Declared, type: string, groupId: string): string[] {
    return declared
        .where(type, "securityGroupId", groupId)
        .map((rule) => {
            const i = rule.inputs;
            const peer = i.referencedSecurityGroupId ?? i.cidrIpv4 ?? i.cidrIpv6;
            return `${i.ipProtocol}/${i.fromPort}-${i.toPort} ${String(peer)}`;
        })
        .sort();
}

describe("SecurityGroups", () => {
    for (const [label, https, ports] of [
        ["HTTP only", undefined, [80]],
        ["HTTPS", { certificateArn }, [80, 443]],
    ] as const) {
        it(`${label}: the load balancer accepts ${ports.join(" and ")} from anywhere, over IPv4 and IPv6`, async () => {
            const groups = new SecurityGroups(`listeners-${ports.length}`, { ...baseArgs, https });
            const declared = await declaredBy(groups);
            assert.deepEqual(
                rulesOf(declared, tokens.ingressRule, await promiseOf(groups.loadBalancerGroupId)),
                ports.flatMap((port) => [`tcp/${port}-${port} 0.0.0.0/0`, `tcp/${port}-${port} ::/0`]).sort(),
            );
        });
    }

    it("the load balancer and the tasks meet only on the container port, each naming the other's group", async () => {
        const groups = new SecurityGroups("port", { ...baseArgs, containerPort: 9000 });
        const declared = await declaredBy(groups);
        const loadBalancer = await promiseOf(groups.loadBalancerGroupId);
        const tasks = await promiseOf(groups.serviceGroupId);
        assert.deepEqual(rulesOf(declared, tokens.egressRule, loadBalancer), [`tcp/9000-9000 ${tasks}`]);
        assert.deepEqual(rulesOf(declared, tokens.ingressRule, tasks), [`tcp/9000-9000 ${loadBalancer}`]);
        assert.deepEqual(rulesOf(declared, tokens.egressRule, tasks), ["tcp/443-443 0.0.0.0/0"]);
    });

    it("with interface endpoints, lets the tasks' group alone into the endpoints' group, on 443", async () => {
        const endpointGroupId = "sg-0eeeeeeeeeeeeeeee";
        const groups = new SecurityGroups("endpoints", { ...baseArgs, endpointGroupId });
        const declared = await declaredBy(groups);
        assert.deepEqual(rulesOf(declared, tokens.ingressRule, endpointGroupId), [
            `tcp/443-443 ${await promiseOf(groups.serviceGroupId)}`,
        ]);
        const without = await declaredBy(new SecurityGroups("no-endpoints", baseArgs));
        assert.equal(without.where(tokens.ingressRule, "fromPort", 443).length, 0);
    });

    it("hands out the tasks' group only once every rule that names it exists", async () => {
        const groups = new SecurityGroups("ready", { ...baseArgs, endpointGroupId: "sg-0ffffffffffffffff" });
        // A stand-in for the ECS service: a resource that takes the tasks' group as an input.
        new aws.ec2.SecurityGroup("ready-probe", { vpcId: groups.serviceGroupId, description: "probe" });
        const probe = (await engine.settled()).find((resource) => resource.name === "ready-probe");
        const declared = await declaredBy(groups);
        const tasks = await promiseOf(groups.serviceGroupId);
        const namingTasks = [...declared.all(tokens.ingressRule), ...declared.all(tokens.egressRule)].filter(
            (rule) => rule.inputs.securityGroupId === tasks || rule.inputs.referencedSecurityGroupId === tasks,
        );
        assert.deepEqual(namingTasks.map((rule) => rule.name).sort(), [
            "ready-alb-out-service",
            "ready-endpoints-in-service",
            "ready-service-in-alb",
            "ready-service-out-https",
        ]);
        assert.deepEqual(
            namingTasks.filter((rule) => !probe?.dependencies.includes(rule.urn)).map((rule) => rule.name),
            [],
        );
    });

    it("declares no inline rules and describes every group and rule", async () => {
        const declared = await declaredBy(new SecurityGroups("described", { ...baseArgs, https: { certificateArn } }));
        for (const group of declared.all(tokens.securityGroup)) {
            assert.deepEqual([group.inputs.ingress, group.inputs.egress], [undefined, undefined], group.name);
        }
        for (const resource of declared.resources) {
            assert.match(String(resource.inputs.description ?? ""), /\w{3,}/, `${resource.name} has a description`);
        }
    });
});

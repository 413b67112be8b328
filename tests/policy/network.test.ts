// tasks-reachable-only-from-load-balancer and only-load-balancer-open-to-world: a network that passes each, and one
// change per case that violates it.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { RecordedResource } from "../../tools/mocks/mockEngine";
import { resourceTypes as t } from "../../tools/resourceTypes";
import { declare, packForThisFile, violationsOf } from "./packUnderTest";

const pack = packForThisFile();

/** The stack's shape: the internet to the load balancer's group on 80, that group to the tasks' group on 8080. */
function network(
    extraRules: (groups: { alb: RecordedResource; tasks: RecordedResource }) => RecordedResource[] = () => [],
) {
    const alb = declare(t.securityGroup, "alb", { description: "load balancer" });
    const tasks = declare(t.securityGroup, "tasks", { description: "tasks" });
    const loadBalancer = declare(
        t.loadBalancer,
        "web",
        { securityGroups: ["alb-id"] },
        { from: { securityGroups: [alb] } },
    );
    const service = declare(
        t.service,
        "app",
        {
            loadBalancers: [{ containerName: "app", containerPort: 8080 }],
            networkConfiguration: { securityGroups: ["tasks-id"], subnets: ["subnet-a", "subnet-b"] },
        },
        { from: { networkConfiguration: [tasks] } },
    );
    const rule = (name: string, group: RecordedResource, inputs: Record<string, unknown>, source?: RecordedResource) =>
        declare(
            t.ingressRule,
            name,
            { securityGroupId: `${group.name}-id`, ipProtocol: "tcp", ...inputs },
            {
                from: {
                    securityGroupId: [group],
                    ...(source === undefined ? {} : { referencedSecurityGroupId: [source] }),
                },
            },
        );
    return [
        alb,
        tasks,
        loadBalancer,
        service,
        rule("alb-in-80-ipv4", alb, { fromPort: 80, toPort: 80, cidrIpv4: "0.0.0.0/0" }),
        rule("alb-in-443-ipv6", alb, { fromPort: 443, toPort: 443, cidrIpv6: "::/0" }),
        rule("tasks-in-alb", tasks, { fromPort: 8080, toPort: 8080, referencedSecurityGroupId: "alb-id" }, alb),
        ...extraRules({ alb, tasks }),
    ];
}

describe("tasks-reachable-only-from-load-balancer", () => {
    const policy = "tasks-reachable-only-from-load-balancer";

    it("passes tasks whose group admits only the load balancer's group", async () => {
        assert.deepEqual(violationsOf(await pack.judge(network()), policy), []);
    });

    it("refuses a rule that admits an address block into the tasks' group", async () => {
        const resources = network(({ tasks }) => [
            declare(
                t.ingressRule,
                "tasks-in-vpc",
                {
                    securityGroupId: "tasks-id",
                    ipProtocol: "tcp",
                    fromPort: 8080,
                    toPort: 8080,
                    cidrIpv4: "10.0.0.0/8",
                },
                { from: { securityGroupId: [tasks] } },
            ),
        ]);
        assert.deepEqual(violationsOf(await pack.judge(resources), policy), [
            "mandatory tasks-in-vpc: SecurityGroup tasks, the tasks' group of Service app, accepts tcp 8080 from 10.0.0.0/8 " +
                "(SecurityGroupIngressRule tasks-in-vpc); allowed: the load balancers' security groups only.",
        ]);
    });

    it("refuses an inline ingress block on the tasks' group and a group that is not a load balancer's", async () => {
        const resources = network().map((resource) =>
            resource.name === "tasks"
                ? {
                      ...resource,
                      inputs: {
                          ...resource.inputs,
                          ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, securityGroups: ["sg-0bastion"] }],
                      },
                  }
                : resource,
        );
        assert.deepEqual(violationsOf(await pack.judge(resources), policy), [
            "mandatory tasks: SecurityGroup tasks, the tasks' group of Service app, accepts tcp 22 from sg-0bastion " +
                "(SecurityGroup tasks); allowed: the load balancers' security groups only.",
        ]);
    });

    it("refuses a service that is not behind a load balancer", async () => {
        const resources = network().map((resource) =>
            resource.type === t.service ? { ...resource, inputs: { ...resource.inputs, loadBalancers: [] } } : resource,
        );
        assert.deepEqual(violationsOf(await pack.judge(resources), policy), [
            "mandatory app: Service app is not behind a load balancer (no loadBalancers).",
        ]);
    });
});

describe("only-load-balancer-open-to-world", () => {
    const policy = "only-load-balancer-open-to-world";

    it("passes 80 and 443 from anywhere into the load balancer's group", async () => {
        assert.deepEqual(violationsOf(await pack.judge(network()), policy), []);
    });

    it("refuses any other port from anywhere, and anything from anywhere into another group", async () => {
        const resources = network(({ alb, tasks }) => [
            declare(
                t.ingressRule,
                "alb-in-22",
                { securityGroupId: "alb-id", ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" },
                { from: { securityGroupId: [alb] } },
            ),
            declare(
                "aws:ec2/securityGroupRule:SecurityGroupRule",
                "tasks-open",
                {
                    type: "ingress",
                    securityGroupId: "tasks-id",
                    protocol: "tcp",
                    fromPort: 80,
                    toPort: 80,
                    ipv6CidrBlocks: ["::/0"],
                },
                { from: { securityGroupId: [tasks] } },
            ),
        ]);
        assert.deepEqual(violationsOf(await pack.judge(resources), policy), [
            "mandatory alb-in-22: SecurityGroupIngressRule alb-in-22 opens tcp 22 to 0.0.0.0/0 on SecurityGroup alb; allowed: only tcp 80 and 443 into a load balancer's security group.",
            "mandatory tasks-open: SecurityGroupRule tasks-open opens tcp 80 to ::/0 on SecurityGroup tasks; allowed: only tcp 80 and 443 into a load balancer's security group.",
        ]);
    });
});

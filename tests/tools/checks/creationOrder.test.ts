// The creation-order check over recorded dependency graphs: the reviewed dev and prod plans (awsx builds prod's
// VPC), the prod plan the hand-written VPC of commit dd1939d recorded (fixtures/handWrittenVpc.prod.json, the
// program before issue 11's finding 6 was fixed), and each of them with one recorded dependency taken away.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { creationOrderFindings, creationOrderRules, describeFinding } from "../../../tools/checks/creationOrder";
import { Snapshot, SnapshotResource } from "../../../tools/plan/model/snapshot";
import { componentTypes, resourceTypes as t } from "../../../tools/resourceTypes";
import { projectRoot } from "../../infra/stackRun";

function read(file: string): Snapshot {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;
}

const reviewed = (stack: string) =>
    read(path.join(projectRoot, "tests", "tools", "plan", "snapshots", `${stack}.json`));
const handWritten = () =>
    read(path.join(projectRoot, "tests", "tools", "checks", "fixtures", "handWrittenVpc.prod.json"));

function named(snapshot: Snapshot, type: string, name: string): SnapshotResource {
    const found = snapshot.resources.find((resource) => resource.type === type && resource.name === name);
    assert.ok(found, `${type} ${name} is in the snapshot`);
    return found;
}

/** The snapshot with `dependent` no longer recording `dependencies` (type and name each) as dependencies. */
function without(snapshot: Snapshot, dependent: [string, string], ...dependencies: [string, string][]): Snapshot {
    const gone = new Set(dependencies.map(([type, name]) => named(snapshot, type, name).urn));
    const target = named(snapshot, ...dependent);
    assert.ok(
        [...gone].every((urn) => target.dependencies.includes(urn)),
        "the dependency was recorded",
    );
    target.dependencies = target.dependencies.filter((urn) => !gone.has(urn));
    return snapshot;
}

function races(snapshot: Snapshot): string[] {
    return creationOrderFindings(snapshot).map(describeFinding);
}

const service: [string, string] = [t.service, "app-service"];

describe("the creation-order check", () => {
    for (const stack of ["dev", "prod"]) {
        it(`finds no race in the reviewed ${stack} plan`, () => {
            assert.deepEqual(races(reviewed(stack)), []);
        });
    }

    it("checks seven orders", () => {
        assert.equal(creationOrderRules.length, 7);
    });
});

describe("the check over the hand-written VPC's recorded graph (before finding 6 was fixed)", () => {
    const found = races(handWritten());

    it("finds the load balancer free to start before the internet gateway", () => {
        assert.ok(
            found.includes(
                "web-alb (LoadBalancer) may be created before the internet gateway of its VPC: ELB refuses an " +
                    'internet-facing load balancer in a VPC without one ("VPC has no internet gateway")',
            ),
            found.join("\n"),
        );
    });

    it("finds the tasks free to start before the execution role's policy", () => {
        assert.ok(
            found.some((race) =>
                race.startsWith("app-service (Service) may be created before app-roles-execution (RolePolicy)"),
            ),
        );
    });

    it("finds the private tasks free to start before their NAT routes", () => {
        assert.ok(
            found.some((race) =>
                race.startsWith("app-service (Service) may be created before a route to a NAT gateway, or endpoints"),
            ),
        );
    });

    it("finds the tasks free to start before the rules of their security group", () => {
        assert.deepEqual(
            found
                .filter((race) => race.includes("Rule)"))
                .map((race) => race.split(" may be created before ")[1].split(":")[0]),
            [
                "firewall-service-in-alb (SecurityGroupIngressRule)",
                "firewall-alb-out-service (SecurityGroupEgressRule)",
                "firewall-service-out-https (SecurityGroupEgressRule)",
            ],
        );
    });

    it("holds the orders that program did declare: the NAT gateways wait for the internet gateway", () => {
        assert.equal(found.filter((race) => race.includes("NatGateway")).length, 0);
        const withoutGateway = without(
            handWritten(),
            [t.natGateway, "network-nat-1"],
            [t.internetGateway, "network-igw"],
        );
        assert.ok(
            races(withoutGateway).includes(
                "network-nat-1 (NatGateway) may be created before the internet gateway of its VPC: AWS fails a NAT " +
                    'gateway whose VPC has no internet gateway attached ("Network vpc-… has no internet gateway attached")',
            ),
        );
    });

    it("accepts the load balancer once it waits for the internet gateway, however it is built", () => {
        const fixed = handWritten();
        named(fixed, t.loadBalancer, "web-alb").dependencies.push(named(fixed, t.internetGateway, "network-igw").urn);
        assert.equal(races(fixed).filter((race) => race.startsWith("web-alb")).length, 0);
    });
});

describe("the check over the awsx prod graph, with one recorded dependency taken away", () => {
    it("the policy: a service whose task definition does not wait for the execution role's policy", () => {
        const snapshot = without(
            reviewed("prod"),
            [t.taskDefinition, "app-task"],
            [t.rolePolicy, "app-roles-execution"],
        );
        assert.deepEqual(races(snapshot), [
            "app-service (Service) may be created before app-roles-execution (RolePolicy): a task started before its " +
                "execution role's policy cannot pull its image or write its logs",
        ]);
    });

    it("the routes: private tasks that do not wait for the interface endpoints, with no NAT gateway", () => {
        const snapshot = without(
            reviewed("prod"),
            service,
            [t.vpcEndpoint, "network-ecr-api"],
            [t.vpcEndpoint, "network-ecr-dkr"],
            [t.vpcEndpoint, "network-logs"],
        );
        assert.deepEqual(races(snapshot), [
            "app-service (Service) may be created before a route to a NAT gateway, or endpoints for ECR api, ECR dkr, " +
                "S3 and CloudWatch Logs: a task in a private subnet started before them times out pulling its image",
        ]);
    });

    it("the routes: an S3 gateway endpoint that awsx wires to no route table (vpcEndpointStrategy Legacy)", () => {
        const snapshot = reviewed("prod");
        named(snapshot, componentTypes.awsxVpc, "network-vpc").inputs.vpcEndpointStrategy = "Legacy";
        assert.equal(races(snapshot).length, 1);
        assert.match(races(snapshot)[0], /^app-service \(Service\) may be created before a route to a NAT gateway/);
    });

    it("the routes: with awsx's NAT gateways instead of endpoints, the tasks' wait for the VPC is enough", () => {
        const snapshot = without(
            reviewed("prod"),
            service,
            [t.vpcEndpoint, "network-ecr-api"],
            [t.vpcEndpoint, "network-ecr-dkr"],
            [t.vpcEndpoint, "network-logs"],
        );
        named(snapshot, componentTypes.awsxVpc, "network-vpc").inputs.natGateways = { strategy: "Single" };
        assert.ok(races(snapshot).every((race) => !race.includes("a route to a NAT gateway")));
    });

    it("the internet gateway: awsx's NAT gateways, which awsx does not order after its internet gateway", () => {
        const snapshot = reviewed("prod");
        named(snapshot, componentTypes.awsxVpc, "network-vpc").inputs.natGateways = { strategy: "OnePerAz" };
        assert.deepEqual(
            races(snapshot).map((race) => race.split(": ")[0]),
            ["the NAT gateways of network-vpc (awsx:ec2:Vpc) may be created before its internet gateway"],
        );
    });

    it("the listener: a service that does not wait for the listener that forwards to its target group (dev)", () => {
        // In prod the service also waits for blue/green's rules, through its role's policy, which names them.
        const snapshot = without(reviewed("dev"), service, [t.listener, "web-http"]);
        assert.deepEqual(races(snapshot), [
            "app-service (Service) may be created before a listener or listener rule that forwards to web-tg: ECS " +
                "refuses a target group that no load balancer uses",
        ]);
    });

    it("the listener rules: a blue/green service that waits for none of the rules forwarding to its second group", () => {
        const snapshot = without(
            reviewed("prod"),
            service,
            [t.listenerRule, "web-bluegreen-production"],
            [t.listenerRule, "web-bluegreen-test"],
            [t.rolePolicy, "app-bluegreen-shift-traffic"],
        );
        assert.deepEqual(races(snapshot), [
            "app-service (Service) may be created before a listener or listener rule that forwards to web-bluegreen-tg: " +
                "ECS refuses a target group that no load balancer uses",
        ]);
    });

    it("the security group rules: a service that does not wait for the endpoints' rule that admits it", () => {
        const snapshot = without(reviewed("prod"), service, [t.ingressRule, "firewall-endpoints-in-service"]);
        assert.deepEqual(races(snapshot), [
            "app-service (Service) may be created before firewall-endpoints-in-service (SecurityGroupIngressRule): a " +
                "group lets nothing through until its rules exist: no image pull, no health check",
        ]);
    });

    it("the scalable target: a scaling policy that does not wait for it", () => {
        const snapshot = without(
            reviewed("prod"),
            [t.scalingPolicy, "app-scaling-cpu"],
            [t.scalingTarget, "app-scaling-target"],
        );
        assert.deepEqual(races(snapshot), [
            "app-scaling-cpu (Policy) may be created before its scalable target: Application Auto Scaling refuses a " +
                "policy for a target not yet registered",
        ]);
    });

    it("the internet gateway: the load balancer waits for the awsx VPC through its subnets, or through its group", () => {
        const snapshot = without(
            reviewed("prod"),
            [t.loadBalancer, "web-alb"],
            [componentTypes.awsxVpc, "network-vpc"],
        );
        assert.deepEqual(races(snapshot), []);
    });
});

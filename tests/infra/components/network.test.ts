// The Network component alone: the default VPC, and dedicated VPCs built by awsx with each NAT strategy, each set of
// endpoints, two or three zones and the subnet sizes configuration chose.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as aws from "@pulumi/aws";
import { dedicatedVpcSettings, VpcValues } from "../../../infra/config/vpcSettings";
import { Network } from "../../../infra/network/network";
import { componentTypes } from "../../../tools/resourceTypes";
import { Declared, promiseOf, tokens } from "../stackRun";
import { declaredBy, engine } from "./unitEngine";

const baseValues: VpcValues = {
    vpc: "dedicated",
    vpcCidr: "10.0.0.0/16",
    availabilityZones: 2,
    maxCount: 6,
    natGateways: "none",
    vpcEndpoints: "all",
    secrets: {},
    secretValues: {},
};

function dedicated(name: string, change: Partial<VpcValues> = {}): Network {
    return new Network(name, { dedicatedVpc: dedicatedVpcSettings({ ...baseValues, ...change }) });
}

function awsxVpc(declared: Declared) {
    return declared.one(componentTypes.awsxVpc);
}

describe("Network", () => {
    it("in the default VPC creates nothing, finds it as a list and runs tasks in its default subnets with public IPs", async () => {
        const network = new Network("default", { dedicatedVpc: undefined });
        const declared = await declaredBy(network);
        assert.deepEqual(declared.resources, []);
        const vpcQuery = engine.calls.find((call) => call.token === "aws:ec2/getVpcs:getVpcs");
        assert.deepEqual(vpcQuery?.args.filters, [{ name: "is-default", values: ["true"] }]);
        // Only a default VPC has default subnets, so the subnet lookup needs no VPC ID (and so cannot fail with it).
        const subnetQuery = engine.calls.find((call) => call.token === "aws:ec2/getSubnets:getSubnets");
        assert.deepEqual(subnetQuery?.args.filters, [{ name: "default-for-az", values: ["true"] }]);
        assert.equal(network.tasksNeedPublicIp, true);
        assert.equal(network.endpointGroupId, undefined);
        assert.deepEqual(await promiseOf(network.taskSubnetIds), await promiseOf(network.publicSubnetIds));
    });

    it("dedicated: awsx builds the VPC from the block with DNS on, in zones carved as configuration sized them", async () => {
        const network = dedicated("layout");
        const declared = await declaredBy(network);
        const vpc = awsxVpc(declared);
        assert.deepEqual(
            [vpc.inputs.cidrBlock, vpc.inputs.numberOfAvailabilityZones, vpc.inputs.subnetStrategy],
            ["10.0.0.0/16", 2, "Auto"],
        );
        assert.deepEqual(vpc.inputs.subnetSpecs, [
            { type: "Private", cidrMask: 18 },
            { type: "Public", cidrMask: 19 },
        ]);
        assert.deepEqual([vpc.inputs.enableDnsHostnames, vpc.inputs.enableDnsSupport], [true, true]);
        assert.equal(await promiseOf(network.vpcId), vpc.outputs.vpcId);
    });

    for (const [zones, cidr, masks] of [
        [3, "10.0.0.0/20", [23, 24]],
        [6, "172.16.0.0/16", [20, 21]],
    ] as const) {
        it(`dedicated over ${zones} zones of ${cidr}: a private /${masks[0]} and a public /${masks[1]} per zone`, async () => {
            const network = dedicated(`zones-${zones}`, { availabilityZones: zones, vpcCidr: cidr });
            const vpc = awsxVpc(await declaredBy(network));
            assert.equal(vpc.inputs.numberOfAvailabilityZones, zones);
            assert.deepEqual(
                (vpc.inputs.subnetSpecs as { cidrMask: number }[]).map((spec) => spec.cidrMask),
                masks,
            );
            assert.equal((await promiseOf(network.publicSubnetIds)).length, zones);
            assert.equal((await promiseOf(network.taskSubnetIds)).length, zones);
        });
    }

    for (const [choice, strategy] of [
        ["none", "None"],
        ["single", "Single"],
        ["onePerAz", "OnePerAz"],
    ] as const) {
        it(`dedicated with natGateways ${choice}: awsx's NAT strategy ${strategy}`, async () => {
            const vpc = awsxVpc(await declaredBy(dedicated(`nat-${choice}`, { natGateways: choice })));
            assert.deepEqual(vpc.inputs.natGateways, { strategy });
        });
    }

    it("dedicated with every endpoint: the S3 gateway in awsx, ECR api, ECR dkr and Logs interfaces in each private subnet", async () => {
        const network = dedicated("endpoints");
        const declared = await declaredBy(network);
        const vpc = awsxVpc(declared);
        assert.equal(vpc.inputs.vpcEndpointStrategy, "Auto");
        assert.deepEqual(vpc.inputs.vpcEndpointSpecs, [
            { serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway" },
        ]);
        const group = declared.one(tokens.securityGroup, "endpoints-endpoints");
        assert.ok(network.endpointGroupId !== undefined);
        assert.equal(await promiseOf(network.endpointGroupId), group.id);
        const endpoints = declared.all(tokens.vpcEndpoint);
        assert.deepEqual(
            endpoints.map((endpoint) => endpoint.inputs.serviceName),
            ["ecr.api", "ecr.dkr", "logs"].map((suffix) => `com.amazonaws.us-east-1.${suffix}`),
        );
        for (const endpoint of endpoints) {
            assert.deepEqual(
                [endpoint.inputs.vpcEndpointType, endpoint.inputs.privateDnsEnabled, endpoint.inputs.vpcId],
                ["Interface", true, vpc.outputs.vpcId],
            );
            assert.deepEqual(endpoint.inputs.subnetIds, vpc.outputs.privateSubnetIds);
            assert.deepEqual(endpoint.inputs.securityGroupIds, [group.id]);
        }
        assert.equal(group.inputs.ingress, undefined);
    });

    it("dedicated with every endpoint and secrets: the SSM and Secrets Manager endpoints their stores need", async () => {
        const declared = await declaredBy(
            dedicated("secret-stores", {
                secrets: {
                    API_KEY: "arn:aws:secretsmanager:us-east-1:123456789012:secret:api-key-AbCdEf",
                    DB_HOST: "arn:aws:ssm:us-east-1:123456789012:parameter/fargate-service/dev/db-host",
                },
            }),
        );
        assert.deepEqual(
            declared.all(tokens.vpcEndpoint).map((endpoint) => endpoint.inputs.serviceName),
            ["ecr.api", "ecr.dkr", "logs", "ssm", "secretsmanager"].map(
                (suffix) => `com.amazonaws.us-east-1.${suffix}`,
            ),
        );
        const owned = await declaredBy(dedicated("owned-secret", { secretValues: { DB_PASSWORD: "[secret]" } }));
        assert.ok(
            owned
                .all(tokens.vpcEndpoint)
                .some((endpoint) => endpoint.inputs.serviceName === "com.amazonaws.us-east-1.ssm"),
        );
    });

    it("dedicated with the S3 endpoint alone: no interface endpoints and no group for them", async () => {
        const network = dedicated("s3-only", { natGateways: "single", vpcEndpoints: "s3" });
        const declared = await declaredBy(network);
        assert.equal((awsxVpc(declared).inputs.vpcEndpointSpecs as unknown[]).length, 1);
        assert.deepEqual([declared.all(tokens.vpcEndpoint), declared.all(tokens.securityGroup)], [[], []]);
        assert.equal(network.endpointGroupId, undefined);
    });

    it("dedicated without endpoints: awsx gets no endpoint specs", async () => {
        const declared = await declaredBy(dedicated("no-endpoints", { natGateways: "onePerAz", vpcEndpoints: "none" }));
        assert.deepEqual(awsxVpc(declared).inputs.vpcEndpointSpecs, []);
    });

    it("dedicated: the VPC's default security group is emptied", async () => {
        const declared = await declaredBy(dedicated("default-group"));
        const group = declared.one(tokens.defaultSecurityGroup).inputs;
        assert.deepEqual(
            [group.vpcId, group.ingress, group.egress],
            [awsxVpc(declared).outputs.vpcId, undefined, undefined],
        );
    });

    it("dedicated: tasks run in the private subnets without public IPs, the load balancer in the public ones", async () => {
        const network = dedicated("tasks");
        const vpc = awsxVpc(await declaredBy(network));
        assert.equal(network.tasksNeedPublicIp, false);
        assert.deepEqual(await promiseOf(network.taskSubnetIds), vpc.outputs.privateSubnetIds);
        assert.deepEqual(await promiseOf(network.publicSubnetIds), vpc.outputs.publicSubnetIds);
    });

    it("dedicated: whatever takes the tasks' subnets waits for the awsx VPC and for every interface endpoint", async () => {
        const network = dedicated("ready");
        // A stand-in for the ECS service: a resource that takes the tasks' subnets as an input.
        new aws.ec2.SecurityGroup("ready-probe", {
            vpcId: network.vpcId,
            description: "probe",
            tags: { subnets: network.taskSubnetIds.apply((ids) => ids.join(",")) },
        });
        const all = await engine.settled();
        const probe = all.find((resource) => resource.name === "ready-probe");
        const declared = await declaredBy(network);
        const expected = [awsxVpc(declared), ...declared.all(tokens.vpcEndpoint)].map((resource) => resource.urn);
        assert.deepEqual(
            expected.filter((urn) => !probe?.dependencies.includes(urn)),
            [],
        );
        assert.equal(expected.length, 4);
    });
});

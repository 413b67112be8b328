// The Network component alone: the default VPC, and dedicated VPCs of two and three zones.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Network, NetworkArgs } from "../../../infra/network/network";
import { Declared, promiseOf, tokens } from "../stackRun";
import { declaredBy, engine } from "./unitEngine";

const baseArgs: NetworkArgs = { vpc: "dedicated", vpcCidr: "10.0.0.0/16", availabilityZones: 2 };

function subnetsOf(declared: Declared, tier: string) {
    return declared.all(tokens.subnet).filter((subnet) => (subnet.inputs.tags as Record<string, string>).tier === tier);
}

describe("Network", () => {
    it("in the default VPC creates nothing, reads the default subnets and runs tasks in them with public IPs", async () => {
        const network = new Network("default", { ...baseArgs, vpc: "default" });
        const declared = await declaredBy(network);
        assert.deepEqual(declared.resources, []);
        const subnetQuery = engine.calls.find((call) => call.token === "aws:ec2/getSubnets:getSubnets");
        assert.deepEqual(
            (subnetQuery?.args.filters as { name: string }[]).map((filter) => filter.name),
            ["vpc-id", "default-for-az"],
        );
        assert.equal(network.tasksNeedPublicIp, true);
        assert.deepEqual(await promiseOf(network.taskSubnetIds), await promiseOf(network.publicSubnetIds));
    });

    it("dedicated: a VPC with DNS from the given block and an emptied default security group", async () => {
        const declared = await declaredBy(new Network("dns", baseArgs));
        const vpc = declared.one(tokens.vpc);
        assert.deepEqual(
            [vpc.inputs.cidrBlock, vpc.inputs.enableDnsHostnames, vpc.inputs.enableDnsSupport],
            ["10.0.0.0/16", true, true],
        );
        const group = declared.one(tokens.defaultSecurityGroup).inputs;
        assert.deepEqual([group.vpcId, group.ingress, group.egress], [vpc.id, undefined, undefined]);
    });

    for (const zones of [2, 3]) {
        it(`dedicated over ${zones} zones: a public and a private subnet per zone, none giving out public IPs`, async () => {
            const declared = await declaredBy(new Network(`zones-${zones}`, { ...baseArgs, availabilityZones: zones }));
            const letters = ["a", "b", "c"].slice(0, zones);
            for (const tier of ["public", "private"]) {
                assert.deepEqual(
                    subnetsOf(declared, tier).map((subnet) => subnet.inputs.availabilityZone),
                    letters.map((letter) => `us-east-1${letter}`),
                    `${tier} subnets`,
                );
            }
            assert.deepEqual(
                subnetsOf(declared, "public").map((subnet) => subnet.inputs.cidrBlock),
                ["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20"].slice(0, zones),
            );
            assert.deepEqual(
                subnetsOf(declared, "private").map((subnet) => subnet.inputs.cidrBlock),
                ["10.0.128.0/20", "10.0.144.0/20", "10.0.160.0/20"].slice(0, zones),
            );
            assert.ok(declared.all(tokens.subnet).every((subnet) => subnet.inputs.mapPublicIpOnLaunch === false));
            assert.equal(declared.all(tokens.natGateway).length, zones);
        });
    }

    it("dedicated: public subnets route to the internet gateway, each private one to its own zone's NAT gateway", async () => {
        const declared = await declaredBy(new Network("routes", { ...baseArgs, availabilityZones: 3 }));
        const routeOf = (subnetId: unknown) => {
            const [association] = declared.where(tokens.routeTableAssociation, "subnetId", subnetId);
            const table = declared
                .all(tokens.routeTable)
                .find((candidate) => candidate.id === association.inputs.routeTableId);
            return (table?.inputs.routes as Record<string, string>[])[0];
        };
        const gatewayId = declared.one(tokens.internetGateway).id;
        for (const subnet of subnetsOf(declared, "public")) {
            assert.deepEqual(routeOf(subnet.id), { cidrBlock: "0.0.0.0/0", gatewayId });
        }
        const natOfZone = (zone: unknown) => {
            const publicSubnet = subnetsOf(declared, "public").find(
                (subnet) => subnet.inputs.availabilityZone === zone,
            );
            return declared.all(tokens.natGateway).find((nat) => nat.inputs.subnetId === publicSubnet?.id)?.id;
        };
        for (const subnet of subnetsOf(declared, "private")) {
            assert.deepEqual(routeOf(subnet.id), {
                cidrBlock: "0.0.0.0/0",
                natGatewayId: natOfZone(subnet.inputs.availabilityZone),
            });
        }
    });

    it("dedicated: tasks run in the private subnets without public IPs", async () => {
        const network = new Network("tasks", baseArgs);
        const declared = await declaredBy(network);
        assert.equal(network.tasksNeedPublicIp, false);
        assert.deepEqual(
            await promiseOf(network.taskSubnetIds),
            subnetsOf(declared, "private").map((subnet) => subnet.id),
        );
        assert.deepEqual(
            await promiseOf(network.publicSubnetIds),
            subnetsOf(declared, "public").map((subnet) => subnet.id),
        );
    });
});

// The dedicated VPC, built by awsx: per zone a private subnet for the tasks and a public one for the load balancer
// (and the NAT gateway, if any), an internet gateway, the routes, and the S3 gateway endpoint. The interface
// endpoints and their security group are typed resources beside it (vpcEndpoints.ts): their group must name the
// tasks' group, which needs the VPC's ID, so it cannot be an input of the component that creates the VPC.
import * as aws from "@pulumi/aws";
// The ec2 module alone: the package's root also loads awsx classic, which takes the plan about 0.7 s to load.
import { Vpc } from "@pulumi/awsx/ec2";
import * as pulumi from "@pulumi/pulumi";
import type { DedicatedVpcSettings } from "../config/vpcSettings";
import type { NetworkLayout } from "./network";
import { interfaceEndpoints } from "./vpcEndpoints";

/** Declares the VPC as children of `parent` (the Network component). */
export function dedicatedVpc(name: string, settings: DedicatedVpcSettings, parent: pulumi.Resource): NetworkLayout {
    const region = configuredRegion();
    const service = (suffix: string) => `com.amazonaws.${region}.${suffix}`;
    // A multi-language component: its children are created by the awsx provider, out of the program's sight. Whatever
    // takes one of its outputs (the load balancer its public subnets, the tasks their private ones) waits for all of
    // them, the internet gateway, NAT gateways, routes and S3 endpoint included: the SDK records a dependency on such
    // a component as the component itself, as "remote components will always wait on all of their children"
    // (pulumi/pulumi sdk/nodejs/runtime/dependsOn.ts), and its provider answers Construct only after every child's
    // registration has completed (`await settings.waitForRPCs()` in sdk/nodejs/provider/server.ts). A dependsOn on
    // `vpc.internetGateway` would add nothing, and would name a resource the program and its tests cannot see.
    const vpc = new Vpc(
        `${name}-vpc`,
        {
            cidrBlock: settings.cidrBlock,
            numberOfAvailabilityZones: settings.zones,
            // "Auto" places the specs, in this order, in each zone's equal share of the block (config/subnetLayout.ts).
            subnetStrategy: "Auto",
            subnetSpecs: [
                { type: "Private", cidrMask: settings.layout.privatePrefix },
                { type: "Public", cidrMask: settings.layout.publicPrefix },
            ],
            natGateways: { strategy: settings.natGateways },
            // "Auto" attaches a gateway endpoint to every route table awsx creates; "Legacy" attaches it to none
            // (routeTableIds in the VpcEndpoint awsx declares, pulumi-awsx awsx/ec2/vpc.ts).
            vpcEndpointStrategy: "Auto",
            vpcEndpointSpecs: settings.s3GatewayEndpoint
                ? [{ serviceName: service("s3"), vpcEndpointType: "Gateway" }]
                : [],
            // The interface endpoints' private DNS needs both attributes on.
            enableDnsHostnames: true,
            enableDnsSupport: true,
        },
        { parent },
    );
    // A VPC's default group lets its members talk to each other, and awsx leaves it as AWS made it; emptied, only the
    // groups the stack declares remain.
    new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: vpc.vpcId }, { parent });
    const endpoints = interfaceEndpoints(
        name,
        { vpcId: vpc.vpcId, subnetIds: vpc.privateSubnetIds, serviceNames: settings.interfaceEndpoints.map(service) },
        parent,
    );
    return {
        vpcId: vpc.vpcId,
        publicSubnetIds: vpc.publicSubnetIds,
        // The tasks' subnets resolve once the interface endpoints exist too: without a NAT gateway they are the only
        // way to ECR and CloudWatch Logs, and a task started before them times out pulling its image.
        taskSubnetIds: pulumi.all([vpc.privateSubnetIds, pulumi.all(endpoints.ids)]).apply(([subnetIds]) => subnetIds),
        tasksNeedPublicIp: false,
        endpointGroupId: endpoints.groupId,
    };
}

/** The region the AWS provider runs in: endpoint service names (com.amazonaws.<region>.s3) are plain text to awsx. */
function configuredRegion(): string {
    const region = aws.config.region;
    if (region === undefined || region === "") {
        throw new pulumi.RunError(
            "`aws:region` is not set, and the dedicated VPC's endpoint names need it; " +
                "set it with pulumi config set aws:region us-east-1",
        );
    }
    return region;
}

// What the estimate needs to know of a planned stack, read from its snapshot alone (a base snapshot read back from
// JSON has nothing else): each service's tasks (size, architecture, how many), and what the network puts between the
// tasks and AWS's APIs (NAT gateways, VPC endpoints).
import { resourceTypes as t } from "../../resourceTypes";
import { Snapshot, SnapshotResource } from "../model/snapshot";
import { pricedTypes } from "./billedTypes";
import { fixed, Range } from "./costLine";
import { at, inputsOf, listAt, numberAt, textAt } from "./inputs";

export interface TaskFacts {
    service: SnapshotResource;
    taskDefinition: SnapshotResource | undefined;
    /** Running tasks: the scaling target's min to max, or the desired count. */
    tasks: Range;
    vcpu: number;
    memoryGb: number;
    architecture: "X86_64" | "ARM64";
    publicIp: boolean;
}

/** An endpoint by the service it reaches ("s3", "ecr.api", "logs"), and in how many zones (interface only). */
export interface EndpointFacts {
    owner: SnapshotResource;
    service: string;
    type: "gateway" | "interface";
    zones: number;
}

export class StackFacts {
    private readonly byUrn: Map<string, SnapshotResource>;

    constructor(readonly snapshot: Snapshot) {
        this.byUrn = new Map(snapshot.resources.map((resource) => [resource.urn, resource]));
    }

    get region(): string {
        return this.snapshot.config["aws:region"] ?? "";
    }

    ofType(type: string): SnapshotResource[] {
        return this.snapshot.resources.filter((resource) => resource.type === type);
    }

    /** The resources of `type` that `resource` takes values from or waits for. */
    dependencies(resource: SnapshotResource, type: string): SnapshotResource[] {
        return resource.dependencies.flatMap((urn) => this.byUrn.get(urn) ?? []).filter((r) => r.type === type);
    }

    /** The resources of `type` that take values from `resource`. */
    dependents(resource: SnapshotResource, type: string): SnapshotResource[] {
        return this.ofType(type).filter((candidate) => candidate.dependencies.includes(resource.urn));
    }

    tasks(): TaskFacts[] {
        return this.ofType(t.service)
            .filter((service) => (textAt(service.inputs, "launchType") ?? "FARGATE") === "FARGATE")
            .map((service) => {
                const taskDefinition = this.dependencies(service, t.taskDefinition)[0];
                const inputs = taskDefinition === undefined ? {} : inputsOf(taskDefinition);
                const target = this.dependents(service, t.scalingTarget)[0];
                const desired = numberAt(service.inputs, "desiredCount") ?? 1;
                return {
                    service,
                    taskDefinition,
                    tasks:
                        target === undefined
                            ? fixed(desired)
                            : {
                                  low: numberAt(target.inputs, "minCapacity") ?? desired,
                                  high: numberAt(target.inputs, "maxCapacity") ?? desired,
                              },
                    vcpu: (numberAt(inputs, "cpu") ?? 256) / 1024,
                    memoryGb: (numberAt(inputs, "memory") ?? 512) / 1024,
                    architecture: textAt(inputs, "runtimePlatform", "cpuArchitecture") === "ARM64" ? "ARM64" : "X86_64",
                    publicIp: at(service.inputs, "networkConfiguration", "assignPublicIp") === true,
                };
            });
    }

    /** Tasks whose outbound traffic to AWS's APIs goes through the stack's NAT gateways: private, with NAT. */
    tasksBehindNat(): TaskFacts[] {
        return this.natGatewayCount() === 0 ? [] : this.tasks().filter((task) => !task.publicIp);
    }

    /** NAT gateways declared directly, and those an awsx VPC creates from its strategy. */
    natGatewayCount(): number {
        return this.ofType(t.natGateway).length + this.awsxVpcs().reduce((sum, vpc) => sum + vpc.natGateways, 0);
    }

    awsxVpcs(): { resource: SnapshotResource; zones: number; strategy: string; natGateways: number }[] {
        return this.ofType(pricedTypes.awsxVpc).map((resource) => {
            const zones = awsxZones(resource);
            const strategy = textAt(resource.inputs, "natGateways", "strategy") ?? "OnePerAz";
            const natGateways = { none: 0, single: 1, oneperaz: zones }[strategy.toLowerCase()] ?? zones;
            return { resource, zones, strategy, natGateways };
        });
    }

    endpoints(): EndpointFacts[] {
        const fromAwsx = this.awsxVpcs().flatMap(({ resource, zones }) =>
            listAt(resource.inputs, "vpcEndpointSpecs").map((spec) => endpoint(resource, spec, zones)),
        );
        const declared = this.ofType(pricedTypes.vpcEndpoint).map((resource) =>
            endpoint(resource, resource.inputs, listAt(resource.inputs, "subnetIds").length),
        );
        return [...fromAwsx, ...declared];
    }

    /** Whether an endpoint for `service` ("s3", "logs") keeps that traffic off the NAT gateways. */
    hasEndpoint(service: string, type?: EndpointFacts["type"]): boolean {
        return this.endpoints().some((e) => e.service === service && (type === undefined || e.type === type));
    }
}

/**
 * awsx takes `availabilityZoneNames` or `numberOfAvailabilityZones`, 3 when neither is set (pulumi/pulumi-awsx
 * awsx/ec2/vpc.ts, getDefaultAzs: `azCount ?? 3`).
 */
function awsxZones(vpc: SnapshotResource): number {
    const names = listAt(vpc.inputs, "availabilityZoneNames");
    return names.length > 0 ? names.length : (numberAt(vpc.inputs, "numberOfAvailabilityZones") ?? 3);
}

/**
 * "com.amazonaws.us-east-1.ecr.dkr" is the ecr.dkr endpoint. An unset type is a gateway, as in awsx
 * (tryGetVpcEndpointType) and the AWS provider; an interface endpoint sits in each of its subnets, else every zone
 * (awsx's Auto strategy: one subnet per zone).
 */
function endpoint(owner: SnapshotResource, spec: unknown, zones: number): EndpointFacts {
    const serviceName = textAt(spec, "serviceName") ?? "";
    const service = serviceName.replace(/^com\.amazonaws\.[a-z0-9-]+\./, "");
    const type = (textAt(spec, "vpcEndpointType") ?? "Gateway").toLowerCase() === "interface" ? "interface" : "gateway";
    const subnets = listAt(spec, "subnetIds").length;
    return { owner, service, type, zones: type === "gateway" ? 0 : subnets > 0 ? subnets : zones };
}

// Hand-made snapshots for the cost estimate: a reference stack whose every figure docs/cost.md-style arithmetic can
// check by hand, and the changes ("levers") a test toggles on it. Types the program does not declare yet (awsx's VPC,
// WAF, S3, Route 53, ...) appear here as the synthetic resources the estimate prices by type token.
import { Snapshot, SnapshotResource } from "../../../../tools/plan/model/snapshot";

export const urn = (type: string, name: string) => `urn:pulumi:prod::shop::${type}::${name}`;

export function resource(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    dependsOn: SnapshotResource[] = [],
    extra: Partial<SnapshotResource> = {},
): SnapshotResource {
    return {
        urn: urn(type, name),
        type,
        name,
        parent: null,
        custom: true,
        inputs,
        dependencies: dependsOn.map((dependency) => dependency.urn),
        protect: false,
        ignoreChanges: [],
        ...extra,
    };
}

export function snapshotOf(resources: SnapshotResource[], region = "us-east-1"): Snapshot {
    return {
        plan: "",
        project: "shop",
        stack: "prod",
        imageTag: { value: "offline-plan", source: "placeholder" },
        config: { "aws:region": region },
        resources,
        reads: [],
        outputs: {},
    };
}

export interface Levers {
    architecture: "X86_64" | "ARM64";
    minCount: number;
    maxCount: number;
    natStrategy: "None" | "Single" | "OnePerAz" | undefined;
    zones: number;
    endpoints: { serviceName: string; vpcEndpointType?: string }[];
    containerInsights: "enabled" | "disabled";
    retentionInDays: number;
    publicIp: boolean;
}

export const referenceLevers: Levers = {
    architecture: "ARM64",
    minCount: 2,
    maxCount: 4,
    natStrategy: "Single",
    zones: 2,
    endpoints: [{ serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway" }],
    containerInsights: "enabled",
    retentionInDays: 30,
    publicIp: false,
};

/** A service of 0.5 vCPU / 1 GB tasks behind an internet-facing ALB in an awsx VPC, with the given levers. */
export function referenceStack(change: Partial<Levers> = {}, more: SnapshotResource[] = []): Snapshot {
    const l = { ...referenceLevers, ...change };
    const logs = resource("aws:cloudwatch/logGroup:LogGroup", "api-logs", { retentionInDays: l.retentionInDays });
    const cluster = resource("aws:ecs/cluster:Cluster", "api-cluster", {
        settings: [{ name: "containerInsights", value: l.containerInsights }],
    });
    const task = resource(
        "aws:ecs/taskDefinition:TaskDefinition",
        "api-task",
        { family: "shop-prod", cpu: "512", memory: "1024", runtimePlatform: { cpuArchitecture: l.architecture } },
        [logs],
    );
    const service = resource(
        "aws:ecs/service:Service",
        "api",
        { launchType: "FARGATE", desiredCount: l.minCount, networkConfiguration: { assignPublicIp: l.publicIp } },
        [cluster, task],
    );
    const target = resource(
        "aws:appautoscaling/target:Target",
        "api-target",
        { minCapacity: l.minCount, maxCapacity: l.maxCount },
        [service],
    );
    const policy = (name: string) =>
        resource("aws:appautoscaling/policy:Policy", name, { policyType: "TargetTrackingScaling" }, [target]);
    const vpc = resource(
        "awsx:ec2:Vpc",
        "net",
        {
            numberOfAvailabilityZones: l.zones,
            ...(l.natStrategy === undefined ? {} : { natGateways: { strategy: l.natStrategy } }),
            vpcEndpointSpecs: l.endpoints,
        },
        [],
        { custom: false },
    );
    return snapshotOf([
        vpc,
        resource("aws:lb/loadBalancer:LoadBalancer", "web", { internal: false, subnets: ["subnet-a", "subnet-b"] }),
        cluster,
        logs,
        task,
        service,
        target,
        policy("api-cpu"),
        policy("api-requests"),
        resource("aws:ecr/repository:Repository", "repo", {}),
        ...more,
    ]);
}

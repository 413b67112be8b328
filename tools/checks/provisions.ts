// The parts of a network that must exist before a load balancer or a task can use it, named the same whether the
// program declares them or a component creates them out of sight.

/**
 * An internet gateway; a NAT gateway, a route to it and a route table association; or an endpoint of a service
 * ("endpoint:ecr.api", "endpoint:s3"...).
 */
export type Provision = "internetGateway" | "natGateway" | "natRoute" | "routeAssociation" | `endpoint:${string}`;

/** "com.amazonaws.us-east-1.ecr.api" → "endpoint:ecr.api". */
export function endpointProvision(serviceName: unknown): Provision {
    return `endpoint:${String(serviceName).split(".").slice(3).join(".")}`;
}

/**
 * What a Fargate task (platform 1.4.0) in a private subnet reaches without a NAT gateway: ECR's API and registry, S3
 * for the image layers ("Migrating to Linux platform version 1.4.0",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-version-migration.html), and CloudWatch Logs
 * for the awslogs driver.
 */
export const privateTaskEndpoints: readonly Provision[] = [
    "endpoint:ecr.api",
    "endpoint:ecr.dkr",
    "endpoint:s3",
    "endpoint:logs",
];

// What the policies share: the type tokens they judge, how a policy tells a production stack, and how a stack
// policy follows the engine's property dependencies from one resource to another.
import type { PolicyConfigSchema, PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";

/**
 * The type tokens the pack judges, as @pulumi/aws v7 names them (tests/policy keeps them equal to the program's
 * tools/resourceTypes.ts). Strings, not @pulumi/aws classes, so the pack needs no copy of the provider SDK.
 * `aws.alb.*` is the same resource as `aws.lb.*` under its own token, so both are judged.
 */
export const types = {
    repository: "aws:ecr/repository:Repository",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    loadBalancers: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
    listeners: ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
    subnet: "aws:ec2/subnet:Subnet",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    service: "aws:ecs/service:Service",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    scalingTarget: "aws:appautoscaling/target:Target",
    role: "aws:iam/role:Role",
    iamPolicyDocuments: [
        "aws:iam/rolePolicy:RolePolicy",
        "aws:iam/policy:Policy",
        "aws:iam/userPolicy:UserPolicy",
        "aws:iam/groupPolicy:GroupPolicy",
    ],
} as const;

/**
 * A stack is production when its name is one of `productionStacks` (pack configuration, default ["prod"]).
 * The name comes from the resource's URN (urn:pulumi:<stack>::<project>::<type>::<name>), which the engine sets
 * from the stack being updated: an edited stack file cannot change it, where it can change tags or a deletion
 * protection flag. A platform team sets the list once per organization and reuses the pack in every project.
 */
export const defaultProductionStacks: readonly string[] = ["prod"];

export const productionConfigSchema: PolicyConfigSchema = {
    properties: {
        productionStacks: {
            type: "array",
            items: { type: "string" },
            default: [...defaultProductionStacks],
            description: "Stack names the production rules apply to.",
        },
    },
};

/** The stack name in a URN, e.g. "prod" in urn:pulumi:prod::fargate-service::aws:lb/loadBalancer:LoadBalancer::web. */
export function stackOf(urn: string): string {
    const match = /^urn:pulumi:([^:]+)::/.exec(urn);
    if (match === null) {
        throw new Error(`not a Pulumi URN: ${urn}`);
    }
    return match[1];
}

/** True when `urn` belongs to a stack the policy's configuration calls production. */
export function isProduction(urn: string, args: ResourceValidationArgs | StackValidationArgs): boolean {
    const configured = args.getConfig<{ productionStacks?: string[] }>().productionStacks;
    return (configured ?? defaultProductionStacks).includes(stackOf(urn));
}

/** The resources of one of `tokens`. */
export function ofType(resources: readonly PolicyResource[], ...tokens: readonly string[]): PolicyResource[] {
    return resources.filter((resource) => tokens.includes(resource.type));
}

/** The resources `resource`'s input `property` takes values from, as the engine reports them. */
export function dependedOn(resource: PolicyResource, property: string, ...tokens: readonly string[]): PolicyResource[] {
    return (resource.propertyDependencies[property] ?? []).filter(
        (dependency) => tokens.length === 0 || tokens.includes(dependency.type),
    );
}

/** True when `resource`'s input `property` takes a value from `target`. */
export function takesFrom(resource: PolicyResource, property: string, target: PolicyResource): boolean {
    return dependedOn(resource, property).some((dependency) => dependency.urn === target.urn);
}

/** "aws:lb/loadBalancer:LoadBalancer web-alb", how a message names a resource. */
export function label(resource: { type: string; name: string }): string {
    return `${resource.type.slice(resource.type.lastIndexOf(":") + 1)} ${resource.name}`;
}

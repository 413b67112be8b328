// Who may talk to whom: the internet to the load balancer, the load balancer to the tasks, and nothing else inbound.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { HttpsSettings } from "../config/stackSettings";

export interface SecurityGroupsArgs {
    vpcId: pulumi.Input<string>;
    /** The port the tasks listen on; the only port the load balancer may reach them on. */
    containerPort: pulumi.Input<number>;
    /** Set when the load balancer serves HTTPS: 443 opens as well as 80 (plain value: it decides which rules exist). */
    https: HttpsSettings | undefined;
    /** The interface endpoints' group, which the tasks must reach on 443; undefined when there are no endpoints. */
    endpointGroupId?: pulumi.Input<string>;
}

/** Both address families, so IPv6 clients are served whenever the load balancer is given IPv6 addresses. */
const anywhere = [
    { family: "ipv4", cidrIpv4: "0.0.0.0/0" },
    { family: "ipv6", cidrIpv6: "::/0" },
] as const;

export class SecurityGroups extends pulumi.ComponentResource {
    public readonly loadBalancerGroupId: pulumi.Output<string>;
    /** Resolves only once every rule that names the tasks' group exists: until then the group lets nothing through. */
    public readonly serviceGroupId: pulumi.Output<string>;

    constructor(name: string, args: SecurityGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:SecurityGroups", name, {}, opts);

        // The load balancer's group. Rules are separate resources so that each one carries its own description.
        const loadBalancer = new aws.ec2.SecurityGroup(
            `${name}-alb`,
            {
                vpcId: args.vpcId,
                description: "Load balancer: HTTP(S) from the internet, out to the service tasks only",
                tags: { Name: `${name}-alb` },
            },
            { parent: this },
        );
        // The tasks' group; the provider removes AWS's default allow-all egress rule, so only the rules below exist.
        const service = new aws.ec2.SecurityGroup(
            `${name}-service`,
            {
                vpcId: args.vpcId,
                description: "Service tasks: the container port from the load balancer only",
                tags: { Name: `${name}-service` },
            },
            { parent: this },
        );

        const listenerPorts = args.https === undefined ? [80] : [80, 443];
        for (const port of listenerPorts) {
            for (const { family, ...source } of anywhere) {
                // Clients reach the listeners from anywhere.
                new aws.vpc.SecurityGroupIngressRule(
                    `${name}-alb-in-${port}-${family}`,
                    {
                        securityGroupId: loadBalancer.id,
                        ipProtocol: "tcp",
                        fromPort: port,
                        toPort: port,
                        ...source,
                        description: `${port === 443 ? "HTTPS" : "HTTP"} from anywhere (${family.toUpperCase()})`,
                    },
                    { parent: this },
                );
            }
        }
        // The load balancer opens connections only to the tasks, on the container port.
        const toTasks = new aws.vpc.SecurityGroupEgressRule(
            `${name}-alb-out-service`,
            {
                securityGroupId: loadBalancer.id,
                referencedSecurityGroupId: service.id,
                ipProtocol: "tcp",
                fromPort: args.containerPort,
                toPort: args.containerPort,
                description: "Requests and health checks to the service tasks",
            },
            { parent: this },
        );
        // The tasks accept connections only from the load balancer's group.
        const fromLoadBalancer = new aws.vpc.SecurityGroupIngressRule(
            `${name}-service-in-alb`,
            {
                securityGroupId: service.id,
                referencedSecurityGroupId: loadBalancer.id,
                ipProtocol: "tcp",
                fromPort: args.containerPort,
                toPort: args.containerPort,
                description: "Requests and health checks from the load balancer",
            },
            { parent: this },
        );
        // Tasks call out over HTTPS only: image pulls from ECR (and its S3 layers), logs to CloudWatch.
        // DNS and the task metadata endpoint are not filtered by security groups, so they need no rule.
        const outHttps = new aws.vpc.SecurityGroupEgressRule(
            `${name}-service-out-https`,
            {
                securityGroupId: service.id,
                cidrIpv4: "0.0.0.0/0",
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                description: "HTTPS to AWS APIs: ECR image pulls and CloudWatch Logs",
            },
            { parent: this },
        );

        const taskRules = [toTasks, fromLoadBalancer, outHttps];
        if (args.endpointGroupId !== undefined) {
            // The interface endpoints accept HTTPS from the tasks alone: ECR image pulls and CloudWatch Logs.
            taskRules.push(
                new aws.vpc.SecurityGroupIngressRule(
                    `${name}-endpoints-in-service`,
                    {
                        securityGroupId: args.endpointGroupId,
                        referencedSecurityGroupId: service.id,
                        ipProtocol: "tcp",
                        fromPort: 443,
                        toPort: 443,
                        description: "HTTPS from the service tasks: ECR image pulls and CloudWatch Logs",
                    },
                    { parent: this },
                ),
            );
        }

        this.loadBalancerGroupId = loadBalancer.id;
        // Tasks started before these rules exist could neither pull their image nor pass a health check.
        this.serviceGroupId = pulumi
            .all([service.id, ...taskRules.map((rule) => rule.id)])
            .apply(([serviceGroupId]) => serviceGroupId);
        this.registerOutputs({ loadBalancerGroupId: this.loadBalancerGroupId, serviceGroupId: this.serviceGroupId });
    }
}

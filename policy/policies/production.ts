// What a production stack adds: a load balancer that cannot be deleted by accident, at least two tasks in at least
// two availability zones, and HTTPS.
import type { StackValidationPolicy } from "@pulumi/policy";
import { known } from "./inbound";
import { dependedOn, isProduction, label, ofType, productionConfigSchema, takesFrom, types } from "./scope";

const defaultMinimumTasks = 2;

export const prodTasksAcrossZones: StackValidationPolicy = {
    name: "prod-tasks-across-zones",
    description:
        "In production every ECS service keeps at least two tasks (desiredCount and the autoscaling minimum) in " +
        "subnets of at least two availability zones, so losing a task or a zone does not take the service down.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            ...productionConfigSchema.properties,
            minimumTasks: { type: "integer", minimum: 2, default: defaultMinimumTasks },
        },
    },
    validateStack: (args, reportViolation) => {
        const minimum = args.getConfig<{ minimumTasks?: number }>().minimumTasks ?? defaultMinimumTasks;
        for (const service of ofType(args.resources, types.service).filter((s) => isProduction(s.urn, args))) {
            const desired: unknown = service.props.desiredCount;
            if (typeof desired !== "number" || desired < minimum) {
                reportViolation(
                    `${label(service)} asks for ${typeof desired === "number" ? desired : "the default of 1"} tasks; allowed: at least ${minimum}.`,
                    service.urn,
                );
            }
            for (const target of ofType(args.resources, types.scalingTarget).filter((t) =>
                takesFrom(t, "resourceId", service),
            )) {
                if (Number(target.props.minCapacity) < minimum) {
                    reportViolation(
                        `${label(target)} lets autoscaling go down to ${target.props.minCapacity} tasks of ${label(service)}; allowed: at least ${minimum}.`,
                        target.urn,
                    );
                }
            }
            const subnets = dependedOn(service, "networkConfiguration", types.subnet);
            const zones = new Set(
                subnets.flatMap((subnet) =>
                    known(() => (subnet.props.availabilityZone ?? subnet.props.availabilityZoneId) as string),
                ),
            );
            // Subnets the stack only looks up (the default VPC's, one per zone) are counted one zone each.
            const subnetIds = known(() => service.props.networkConfiguration?.subnets as unknown[]);
            const spread = subnets.length > 0 ? zones.size : (subnetIds[0]?.length ?? 0);
            const zonesKnown = subnets.length === 0 || zones.size > 0;
            if (zonesKnown && spread < 2) {
                reportViolation(
                    `${label(service)} runs its tasks in ${spread} availability zone(s); allowed: at least 2.`,
                    service.urn,
                );
            }
        }
    },
};

/** The ELB security policies that accept nothing older than TLS 1.2. */
const modernTls = /^ELBSecurityPolicy-(TLS13-|TLS-1-2-|FS-1-2-)/;

export const prodHttpsListener: StackValidationPolicy = {
    name: "prod-https-listener",
    description:
        "In production every internet-facing load balancer serves HTTPS: a listener with a certificate and an ELB " +
        "security policy that accepts nothing older than TLS 1.2 (alb-http-to-https-redirection sends port 80 to it).",
    enforcementLevel: "mandatory",
    configSchema: productionConfigSchema,
    validateStack: (args, reportViolation) => {
        const listeners = ofType(args.resources, ...types.listeners);
        const publicLoadBalancers = ofType(args.resources, ...types.loadBalancers).filter(
            (loadBalancer) =>
                isProduction(loadBalancer.urn, args) &&
                loadBalancer.props.internal !== true &&
                (loadBalancer.props.loadBalancerType ?? "application") === "application",
        );
        for (const loadBalancer of publicLoadBalancers) {
            const https = listeners.filter(
                (listener) =>
                    takesFrom(listener, "loadBalancerArn", loadBalancer) && listener.props.protocol === "HTTPS",
            );
            if (https.length === 0) {
                reportViolation(
                    `${label(loadBalancer)} has no HTTPS listener; production serves HTTPS (set a certificate).`,
                    loadBalancer.urn,
                );
            }
            for (const listener of https) {
                const sslPolicy: unknown = listener.props.sslPolicy;
                if (typeof sslPolicy !== "string" || !modernTls.test(sslPolicy)) {
                    reportViolation(
                        `${label(listener)} uses the TLS policy ${typeof sslPolicy === "string" ? sslPolicy : "default (ELBSecurityPolicy-2016-08, TLS 1.0)"}; ` +
                            "allowed: a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-Res-2021-06.",
                        listener.urn,
                    );
                }
            }
        }
    },
};

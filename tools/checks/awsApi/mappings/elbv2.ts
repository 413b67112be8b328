// Load balancers, target groups, listeners and listener rules: elbv2 (Elastic Load Balancing v2, 2015-12-01).
import { resourceTypes as t } from "../../../resourceTypes";
import { ApiMapping, tagList } from "../apiMapping";

const source = "hashicorp/terraform-provider-aws internal/service/elbv2/";

/** Attributes go to Modify*Attributes as {Key, Value} strings (targetGroupAttributes.expand, loadBalancerAttributes). */
function attribute(operation: string, key: string) {
    return { operation, member: "Attributes", toApi: (value: unknown) => [{ Key: key, Value: String(value) }] };
}

/** Pulumi's listener actions and rule conditions name their blocks without the API's "Config" suffix. */
const actionRenames = {
    forward: "ForwardConfig",
    redirect: "RedirectConfig",
    fixedResponse: "FixedResponseConfig",
    authenticateOidc: "AuthenticateOidcConfig",
    authenticateCognito: "AuthenticateCognitoConfig",
    arn: "TargetGroupArn",
    stickiness: "TargetGroupStickinessConfig",
    duration: "DurationSeconds",
};

/** A rule condition block as the API's RuleCondition: its Field and its XxxConfig (expandRuleConditions). */
function ruleConditions(value: unknown): unknown {
    const fields: Record<string, string> = {
        hostHeader: "host-header",
        pathPattern: "path-pattern",
        httpHeader: "http-header",
        httpRequestMethod: "http-request-method",
        sourceIp: "source-ip",
        queryStrings: "query-string",
    };
    return (value as Record<string, unknown>[]).map((condition) =>
        Object.fromEntries(
            Object.entries(condition).flatMap(([key, block]) =>
                key === "queryStrings"
                    ? [
                          ["Field", fields[key]],
                          ["QueryStringConfig", { Values: block }],
                      ]
                    : [
                          ["Field", fields[key] ?? key],
                          [`${key}Config`, block],
                      ],
            ),
        ),
    );
}

export const elbv2Mappings: Readonly<Record<string, ApiMapping>> = {
    [t.targetGroup]: {
        service: "elbv2",
        source: `${source}target_group.go: resourceTargetGroupCreate (CreateTargetGroup, health_check → HealthCheck*), targetGroupAttributes.expand (ModifyTargetGroupAttributes)`,
        autoNamed: "name",
        inputs: {
            name: { operation: "CreateTargetGroup", member: "Name" },
            port: { operation: "CreateTargetGroup", member: "Port" },
            protocol: { operation: "CreateTargetGroup", member: "Protocol" },
            protocolVersion: { operation: "CreateTargetGroup", member: "ProtocolVersion" },
            targetType: { operation: "CreateTargetGroup", member: "TargetType" },
            vpcId: { operation: "CreateTargetGroup", member: "VpcId" },
            ipAddressType: { operation: "CreateTargetGroup", member: "IpAddressType" },
            "healthCheck.enabled": { operation: "CreateTargetGroup", member: "HealthCheckEnabled" },
            "healthCheck.interval": { operation: "CreateTargetGroup", member: "HealthCheckIntervalSeconds" },
            "healthCheck.path": { operation: "CreateTargetGroup", member: "HealthCheckPath" },
            "healthCheck.port": { operation: "CreateTargetGroup", member: "HealthCheckPort" },
            "healthCheck.protocol": { operation: "CreateTargetGroup", member: "HealthCheckProtocol" },
            "healthCheck.timeout": { operation: "CreateTargetGroup", member: "HealthCheckTimeoutSeconds" },
            "healthCheck.healthyThreshold": { operation: "CreateTargetGroup", member: "HealthyThresholdCount" },
            "healthCheck.unhealthyThreshold": { operation: "CreateTargetGroup", member: "UnhealthyThresholdCount" },
            "healthCheck.matcher": { operation: "CreateTargetGroup", member: "Matcher.HttpCode" },
            deregistrationDelay: attribute("ModifyTargetGroupAttributes", "deregistration_delay.timeout_seconds"),
            slowStart: attribute("ModifyTargetGroupAttributes", "slow_start.duration_seconds"),
            loadBalancingAlgorithmType: attribute("ModifyTargetGroupAttributes", "load_balancing.algorithm.type"),
            "stickiness.enabled": attribute("ModifyTargetGroupAttributes", "stickiness.enabled"),
            "stickiness.type": attribute("ModifyTargetGroupAttributes", "stickiness.type"),
            "stickiness.cookieDuration": attribute(
                "ModifyTargetGroupAttributes",
                "stickiness.lb_cookie.duration_seconds",
            ),
            tags: { operation: "CreateTargetGroup", member: "Tags", toApi: tagList },
        },
    },
    [t.loadBalancer]: {
        service: "elbv2",
        source: `${source}load_balancer.go: resourceLoadBalancerCreate (CreateLoadBalancer; internal → Scheme), loadBalancerAttributes.expand (ModifyLoadBalancerAttributes)`,
        autoNamed: "name",
        inputs: {
            name: { operation: "CreateLoadBalancer", member: "Name" },
            internal: {
                operation: "CreateLoadBalancer",
                member: "Scheme",
                toApi: (internal) => (internal === true ? "internal" : "internet-facing"),
            },
            loadBalancerType: { operation: "CreateLoadBalancer", member: "Type" },
            securityGroups: { operation: "CreateLoadBalancer", member: "SecurityGroups" },
            subnets: { operation: "CreateLoadBalancer", member: "Subnets" },
            subnetMappings: { operation: "CreateLoadBalancer", member: "SubnetMappings" },
            ipAddressType: { operation: "CreateLoadBalancer", member: "IpAddressType" },
            enableDeletionProtection: attribute("ModifyLoadBalancerAttributes", "deletion_protection.enabled"),
            dropInvalidHeaderFields: attribute(
                "ModifyLoadBalancerAttributes",
                "routing.http.drop_invalid_header_fields.enabled",
            ),
            idleTimeout: attribute("ModifyLoadBalancerAttributes", "idle_timeout.timeout_seconds"),
            enableHttp2: attribute("ModifyLoadBalancerAttributes", "routing.http2.enabled"),
            desyncMitigationMode: attribute("ModifyLoadBalancerAttributes", "routing.http.desync_mitigation_mode"),
            "accessLogs.enabled": attribute("ModifyLoadBalancerAttributes", "access_logs.s3.enabled"),
            "accessLogs.bucket": attribute("ModifyLoadBalancerAttributes", "access_logs.s3.bucket"),
            "accessLogs.prefix": attribute("ModifyLoadBalancerAttributes", "access_logs.s3.prefix"),
            tags: { operation: "CreateLoadBalancer", member: "Tags", toApi: tagList },
        },
    },
    [t.listener]: {
        service: "elbv2",
        source: `${source}listener.go: resourceListenerCreate (CreateListener), expandLbListenerActions`,
        renames: actionRenames,
        inputs: {
            loadBalancerArn: { operation: "CreateListener", member: "LoadBalancerArn" },
            port: { operation: "CreateListener", member: "Port" },
            protocol: { operation: "CreateListener", member: "Protocol" },
            sslPolicy: { operation: "CreateListener", member: "SslPolicy" },
            certificateArn: {
                operation: "CreateListener",
                member: "Certificates",
                toApi: (arn) => [{ CertificateArn: arn }],
            },
            alpnPolicy: { operation: "CreateListener", member: "AlpnPolicy", toApi: (policy) => [policy] },
            defaultActions: { operation: "CreateListener", member: "DefaultActions" },
            tags: { operation: "CreateListener", member: "Tags", toApi: tagList },
        },
    },
    "aws:lb/listenerRule:ListenerRule": {
        service: "elbv2",
        source: `${source}listener_rule.go: resourceListenerRuleCreate (CreateRule), expandLbListenerActions, expandRuleConditions`,
        renames: actionRenames,
        inputs: {
            listenerArn: { operation: "CreateRule", member: "ListenerArn" },
            priority: { operation: "CreateRule", member: "Priority" },
            actions: { operation: "CreateRule", member: "Actions" },
            conditions: { operation: "CreateRule", member: "Conditions", toApi: ruleConditions },
            tags: { operation: "CreateRule", member: "Tags", toApi: tagList },
        },
    },
};

// The scope of each kind of resource the provider-call table names (scope.ts says what a scope is).
import type { ResourceRef } from "../providerCalls";
import { type Account, type Scope, STACK_PROJECT, roleBasePath, stackRepositories } from "./scope";

const regional = (a: Account, service: string, resource: string) =>
    `arn:${a.partition}:${service}:${a.region}:${a.accountId}:${resource}`;
const global = (a: Account, service: string, resource: string) =>
    `arn:${a.partition}:${service}::${a.accountId}:${resource}`;

/** A stable, environment-specific suffix for example names and IDs ("dev" and "prod" differ). */
const id = (environment: string, length: number) =>
    [...environment]
        .map((c) => c.charCodeAt(0).toString(16))
        .join("")
        .padEnd(length, "0")
        .slice(0, length);

function tagged(service: string, iamType: string, prefix: string, example: (e: string) => string): Scope {
    return {
        iamType,
        by: "tag",
        kind: (a) => regional(a, service, `${prefix}*`),
        examples: (a, e) => [regional(a, service, `${prefix}${example(e)}`)],
    };
}

const ec2 = (type: string, idPrefix: string) => tagged("ec2", type, `${type}/`, (e) => `${idPrefix}-${id(e, 17)}`);
const elb = (type: string, path: (e: string) => string) => tagged("elasticloadbalancing", type, type, path);
const lbPath = (e: string) => `web-lb-${id(e, 7)}/${id(e, 16)}`;

export const scopes: Readonly<Record<ResourceRef, Scope>> = {
    "ecr:repository": {
        iamType: "repository",
        by: "name",
        kind: (a) => regional(a, "ecr", "repository/*"),
        named: (a, e) => stackRepositories(e).map((name) => regional(a, "ecr", `repository/${name}`)),
        examples: (a, e) => stackRepositories(e).map((name) => regional(a, "ecr", `repository/${name}`)),
    },
    "logs:log-group": {
        iamType: "log-group",
        by: "name",
        kind: (a) => regional(a, "logs", "log-group:*"),
        // Older APIs authorize the group as "log-group:NAME:*", the tagging APIs as "log-group:NAME".
        named: (a, e) => [
            regional(a, "logs", `log-group:/ecs/${STACK_PROJECT}/${e}`),
            regional(a, "logs", `log-group:/ecs/${STACK_PROJECT}/${e}:*`),
        ],
        examples: (a, e) => [
            regional(a, "logs", `log-group:/ecs/${STACK_PROJECT}/${e}`),
            regional(a, "logs", `log-group:/ecs/${STACK_PROJECT}/${e}:*`),
        ],
    },
    "iam:role": {
        iamType: "role",
        by: "name",
        kind: (a) => global(a, "iam", "role/*"),
        named: (a, e) => [global(a, "iam", `role${roleBasePath(a, e)}*`)],
        examples: (a, e) => [global(a, "iam", `role${roleBasePath(a, e)}app-roles-execution-${id(e, 7)}`)],
    },
    "iam:role/aws-service-role": {
        iamType: "role",
        by: "shared",
        kind: (a) => global(a, "iam", "role/aws-service-role/*"),
        examples: (a) => [global(a, "iam", "role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS")],
    },
    "ecs:task-definition": {
        iamType: "task-definition",
        by: "name",
        kind: (a) => regional(a, "ecs", "task-definition/*"),
        named: (a, e) => [regional(a, "ecs", `task-definition/${STACK_PROJECT}-${e}:*`)],
        examples: (a, e) => [regional(a, "ecs", `task-definition/${STACK_PROJECT}-${e}:7`)],
    },
    "ecs:cluster": tagged("ecs", "cluster", "cluster/", (e) => `app-cluster-${id(e, 7)}`),
    "ecs:service": tagged("ecs", "service", "service/", (e) => `app-cluster-${id(e, 7)}/app-service-${id(e, 7)}`),
    "elasticloadbalancing:loadbalancer/app/": elb("loadbalancer/app/", lbPath),
    "elasticloadbalancing:targetgroup": elb("targetgroup", (e) => `/web-tg-${id(e, 7)}/${id(e, 16)}`),
    "elasticloadbalancing:listener/app": elb("listener/app", (e) => `/${lbPath(e)}/${id(e, 16)}`),
    "elasticloadbalancing:listener-rule/app": elb(
        "listener-rule/app",
        (e) => `/${lbPath(e)}/${id(e, 16)}/${id(e, 16)}`,
    ),
    "ec2:vpc": ec2("vpc", "vpc"),
    "ec2:subnet": ec2("subnet", "subnet"),
    "ec2:security-group": ec2("security-group", "sg"),
    "ec2:security-group-rule": ec2("security-group-rule", "sgr"),
    "ec2:internet-gateway": ec2("internet-gateway", "igw"),
    "ec2:natgateway": ec2("natgateway", "nat"),
    "ec2:elastic-ip": ec2("elastic-ip", "eipalloc"),
    "ec2:route-table": ec2("route-table", "rtb"),
    "ec2:vpc-endpoint": ec2("vpc-endpoint", "vpce"),
    "application-autoscaling:ScalableTarget": tagged(
        "application-autoscaling",
        "ScalableTarget",
        "scalable-target/",
        (e) => `0e${id(e, 30)}`,
    ),
    "cloudwatch:alarm": tagged("cloudwatch", "alarm", "alarm:", (e) => `app-unhealthy-hosts-${id(e, 7)}`),
    "cloudwatch:alarm/TargetTracking": {
        iamType: "alarm",
        by: "shared",
        kind: (a) => regional(a, "cloudwatch", "alarm:TargetTracking-service/*"),
        examples: (a, e) => [
            regional(
                a,
                "cloudwatch",
                `alarm:TargetTracking-service/app-cluster-${id(e, 7)}/app-service-${id(e, 7)}-AlarmHigh-${id(e, 8)}`,
            ),
        ],
    },
    "kms:key": tagged("kms", "key", "key/", (e) => `${id(e, 8)}-0123-4567-89ab-${id(e, 12)}`),
    // The alarm topic's key alias, alias/fargate-service-<stack>-alarms (infra/service/alarmTopic.ts): aliases carry
    // no tags.
    "kms:alias": {
        iamType: "alias",
        by: "name",
        kind: (a) => regional(a, "kms", "alias/*"),
        named: (a, e) => [regional(a, "kms", `alias/${STACK_PROJECT}-${e}-*`)],
        examples: (a, e) => [regional(a, "kms", `alias/${STACK_PROJECT}-${e}-alarms`)],
    },
    "sns:topic": tagged("sns", "topic", "", (e) => `alarms-${id(e, 7)}`),
    "acm:certificate": tagged("acm", "certificate", "certificate/", (e) => `${id(e, 8)}-0123-4567-89ab-${id(e, 12)}`),
    "wafv2:webacl": tagged("wafv2", "webacl", "regional/webacl/", (e) => `edge-acl-${id(e, 7)}/${id(e, 8)}`),
    "wafv2:loadbalancer/app/": {
        iamType: "loadbalancer/app/",
        by: "shared",
        kind: (a) => regional(a, "elasticloadbalancing", "loadbalancer/app/*"),
        examples: (a, e) => [regional(a, "elasticloadbalancing", `loadbalancer/app/${lbPath(e)}`)],
    },
    "route53:hostedzone": {
        iamType: "hostedzone",
        by: "shared",
        kind: (a) => `arn:${a.partition}:route53:::hostedzone/*`,
        examples: (a) => [`arn:${a.partition}:route53:::hostedzone/Z0123456789ABCDEFGHIJ`],
    },
    "route53:change": {
        iamType: "change",
        by: "shared",
        kind: (a) => `arn:${a.partition}:route53:::change/*`,
        examples: (a, e) => [`arn:${a.partition}:route53:::change/C${id(e, 20).toUpperCase()}`],
    },
    "s3:bucket": {
        iamType: "bucket",
        by: "name",
        kind: (a) => `arn:${a.partition}:s3:::*`,
        named: (a, e) => [`arn:${a.partition}:s3:::${STACK_PROJECT}-${e}-*`],
        examples: (a, e) => [`arn:${a.partition}:s3:::${STACK_PROJECT}-${e}-access-logs-${a.accountId}`],
    },
    "ssm:parameter": {
        iamType: "parameter",
        by: "name",
        kind: (a) => regional(a, "ssm", "parameter/*"),
        named: (a, e) => [regional(a, "ssm", `parameter/${STACK_PROJECT}/${e}/*`)],
        examples: (a, e) => [regional(a, "ssm", `parameter/${STACK_PROJECT}/${e}/api-key`)],
    },
};

export function scopeOf(ref: ResourceRef): Scope {
    const scope = scopes[ref];
    if (scope === undefined)
        throw new Error(`no scope for the resource ${ref}: add it to bootstrap/permissions/scope.ts`);
    return scope;
}

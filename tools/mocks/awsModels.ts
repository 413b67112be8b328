// What AWS and Docker would answer, per type token: realistic, deterministic outputs for the mock engine.
import { createHash } from "crypto";
import { resourceTypes as t } from "../resourceTypes";

/**
 * Everything a model may draw on. `hex` draws successive digits from a stream seeded by stack, type and name,
 * so runs repeat exactly.
 */
export interface ModelContext {
    readonly accountId: string;
    readonly region: string;
    /** Tags the AWS provider adds to every resource (config `aws:defaultTags`). */
    readonly defaultTags: Readonly<Record<string, string>>;
    hex(length: number): string;
}

/** Inputs arrive as deserialized JSON; models read the few fields they need. */
export type Inputs = Record<string, any>;
/** Outputs of one resource; `id` becomes the resource's ID. */
export type ResourceModel = (
    name: string,
    inputs: Inputs,
    ctx: ModelContext,
) => Record<string, unknown> & { id: string };
export type InvokeModel = (args: Inputs, ctx: ModelContext) => Record<string, unknown>;

export function sha256(text: string): string {
    return createHash("sha256").update(text).digest("hex");
}

/** Pulumi's auto-naming: the logical name, a dash and seven hex digits, within AWS's length limit. */
function autoName(name: string, inputs: Inputs, ctx: ModelContext, maxLength = 64): string {
    return (inputs.name as string | undefined) ?? `${name.slice(0, maxLength - 8)}-${ctx.hex(7)}`;
}

function arn(ctx: ModelContext, service: string, resource: string, regional = true): string {
    return `arn:aws:${service}:${regional ? ctx.region : ""}:${ctx.accountId}:${resource}`;
}

/** An address in TEST-NET-3 (203.0.113.0/24), reserved for documentation: never a real host. */
function documentationAddress(ctx: ModelContext): string {
    return `203.0.113.${(parseInt(ctx.hex(2), 16) % 254) + 1}`;
}

function ec2Resource(prefix: string, kind: string): ResourceModel {
    return (_name, _inputs, ctx) => {
        const id = `${prefix}-${ctx.hex(17)}`;
        return { id, arn: arn(ctx, "ec2", `${kind}/${id}`) };
    };
}

function securityGroupRule(): ResourceModel {
    return (_name, _inputs, ctx) => {
        const id = `sgr-${ctx.hex(17)}`;
        return { id, securityGroupRuleId: id, arn: arn(ctx, "ec2", `security-group-rule/${id}`) };
    };
}

export const awsResourceModels: Readonly<Record<string, ResourceModel>> = {
    [t.repository]: (name, inputs, ctx) => {
        const repositoryName = autoName(name, inputs, ctx);
        return {
            id: repositoryName,
            name: repositoryName,
            arn: arn(ctx, "ecr", `repository/${repositoryName}`),
            registryId: ctx.accountId,
            repositoryUrl: `${ctx.accountId}.dkr.ecr.${ctx.region}.amazonaws.com/${repositoryName}`,
        };
    },
    [t.lifecyclePolicy]: (_name, inputs, ctx) => ({
        id: String(inputs.repository),
        registryId: ctx.accountId,
    }),
    [t.image]: (_name, inputs) => {
        const imageName = String(inputs.imageName);
        const repository = imageName.slice(0, imageName.lastIndexOf(":"));
        // The digest follows what is built (name, tag, platform, build args), as a real build's would.
        const repoDigest = `${repository}@sha256:${sha256(JSON.stringify({ imageName, build: inputs.build ?? {} }))}`;
        return {
            id: imageName,
            repoDigest,
            baseImageName: imageName,
            registryServer: inputs.registry?.server ?? "",
            context: inputs.build?.context ?? ".",
            dockerfile: inputs.build?.dockerfile ?? "Dockerfile",
            platform: inputs.build?.platform ?? "",
        };
    },
    [t.vpc]: (name, inputs, ctx) => ({
        ...ec2Resource("vpc", "vpc")(name, inputs, ctx),
        defaultSecurityGroupId: `sg-${ctx.hex(17)}`,
        mainRouteTableId: `rtb-${ctx.hex(17)}`,
        ownerId: ctx.accountId,
    }),
    [t.defaultSecurityGroup]: (name, inputs, ctx) => ({
        ...ec2Resource("sg", "security-group")(name, inputs, ctx),
        name: "default",
        ingress: [],
        egress: [],
    }),
    [t.internetGateway]: ec2Resource("igw", "internet-gateway"),
    [t.routeTable]: ec2Resource("rtb", "route-table"),
    [t.routeTableAssociation]: (_name, _inputs, ctx) => ({ id: `rtbassoc-${ctx.hex(17)}` }),
    [t.subnet]: ec2Resource("subnet", "subnet"),
    [t.eip]: (_name, _inputs, ctx) => {
        const id = `eipalloc-${ctx.hex(17)}`;
        return { id, allocationId: id, publicIp: documentationAddress(ctx) };
    },
    [t.natGateway]: (_name, _inputs, ctx) => ({
        id: `nat-${ctx.hex(17)}`,
        publicIp: documentationAddress(ctx),
    }),
    [t.securityGroup]: (name, inputs, ctx) => ({
        ...ec2Resource("sg", "security-group")(name, inputs, ctx),
        name: autoName(name, inputs, ctx, 255),
        ingress: [],
        egress: [],
    }),
    [t.ingressRule]: securityGroupRule(),
    [t.egressRule]: securityGroupRule(),
    [t.loadBalancer]: (name, inputs, ctx) => {
        const lbName = autoName(name, inputs, ctx, 32);
        const arnSuffix = `app/${lbName}/${ctx.hex(16)}`;
        const dnsLabel = (parseInt(ctx.hex(8), 16) % 9000000000) + 1000000000;
        return {
            id: arn(ctx, "elasticloadbalancing", `loadbalancer/${arnSuffix}`),
            arn: arn(ctx, "elasticloadbalancing", `loadbalancer/${arnSuffix}`),
            arnSuffix,
            name: lbName,
            dnsName: `${lbName}-${dnsLabel}.${ctx.region}.elb.amazonaws.com`,
            zoneId: `Z${ctx.hex(12).toUpperCase()}`,
        };
    },
    [t.targetGroup]: (name, inputs, ctx) => {
        const groupName = autoName(name, inputs, ctx, 32);
        const arnSuffix = `targetgroup/${groupName}/${ctx.hex(16)}`;
        const groupArn = arn(ctx, "elasticloadbalancing", arnSuffix);
        return { id: groupArn, arn: groupArn, arnSuffix, name: groupName };
    },
    [t.listener]: (_name, inputs, ctx) => {
        const listenerArn = `${String(inputs.loadBalancerArn).replace(":loadbalancer/", ":listener/")}/${ctx.hex(16)}`;
        return { id: listenerArn, arn: listenerArn };
    },
    [t.cluster]: (name, inputs, ctx) => {
        const clusterName = autoName(name, inputs, ctx, 255);
        const clusterArn = arn(ctx, "ecs", `cluster/${clusterName}`);
        return { id: clusterArn, arn: clusterArn, name: clusterName };
    },
    [t.logGroup]: (name, inputs, ctx) => {
        const groupName = autoName(name, inputs, ctx, 512);
        return { id: groupName, name: groupName, arn: arn(ctx, "logs", `log-group:${groupName}`) };
    },
    [t.role]: (name, inputs, ctx) => {
        const roleName = autoName(name, inputs, ctx);
        return {
            id: roleName,
            name: roleName,
            arn: arn(ctx, "iam", `role${String(inputs.path ?? "/")}${roleName}`, false),
            uniqueId: `AROA${ctx.hex(17).toUpperCase()}`,
        };
    },
    [t.rolePolicy]: (name, inputs, ctx) => {
        const policyName = autoName(name, inputs, ctx, 128);
        return { id: `${String(inputs.role)}:${policyName}`, name: policyName };
    },
    [t.taskDefinition]: (_name, inputs, ctx) => {
        const family = String(inputs.family);
        return {
            id: family,
            revision: 1,
            arn: arn(ctx, "ecs", `task-definition/${family}:1`),
            arnWithoutRevision: arn(ctx, "ecs", `task-definition/${family}`),
        };
    },
    [t.service]: (name, inputs, ctx) => {
        const serviceName = autoName(name, inputs, ctx, 255);
        const clusterName = String(inputs.cluster).split("/").pop();
        return { id: arn(ctx, "ecs", `service/${clusterName}/${serviceName}`), name: serviceName };
    },
    [t.scalingTarget]: (_name, inputs, ctx) => ({
        id: String(inputs.resourceId),
        arn: arn(ctx, "application-autoscaling", `scalable-target/${ctx.hex(32)}`),
    }),
    [t.scalingPolicy]: (name, inputs, ctx) => {
        const policyName = autoName(name, inputs, ctx, 255);
        return {
            id: policyName,
            name: policyName,
            arn: arn(
                ctx,
                "autoscaling",
                `scalingPolicy:${ctx.hex(32)}:resource/ecs/${String(inputs.resourceId)}:policyName/${policyName}`,
            ),
            alarmArns: [],
        };
    },
    [t.listenerRule]: (_name, inputs, ctx) => {
        const ruleArn = `${String(inputs.listenerArn).replace(":listener/", ":listener-rule/")}/${ctx.hex(16)}`;
        return { id: ruleArn, arn: ruleArn };
    },
    [t.metricAlarm]: (name, inputs, ctx) => {
        const alarmName = autoName(name, inputs, ctx, 255);
        return { id: alarmName, name: alarmName, arn: arn(ctx, "cloudwatch", `alarm:${alarmName}`) };
    },
    [t.snsTopic]: (name, inputs, ctx) => {
        const topicName = autoName(name, inputs, ctx, 256);
        const topicArn = arn(ctx, "sns", topicName);
        return { id: topicArn, arn: topicArn, name: topicName, owner: ctx.accountId };
    },
    [t.snsSubscription]: (_name, inputs, ctx) => {
        // An email subscription stays "pending confirmation" until its link is followed.
        const subscriptionArn = `${String(inputs.topic)}:${ctx.hex(8)}-${ctx.hex(4)}-${ctx.hex(4)}-${ctx.hex(4)}-${ctx.hex(12)}`;
        return { id: subscriptionArn, arn: subscriptionArn, pendingConfirmation: inputs.protocol === "email" };
    },
    [t.kmsKey]: (_name, _inputs, ctx) => {
        const keyId = `${ctx.hex(8)}-${ctx.hex(4)}-${ctx.hex(4)}-${ctx.hex(4)}-${ctx.hex(12)}`;
        return { id: keyId, keyId, arn: arn(ctx, "kms", `key/${keyId}`) };
    },
    [t.kmsAlias]: (_name, inputs, ctx) => ({
        id: String(inputs.name),
        arn: arn(ctx, "kms", String(inputs.name)),
        targetKeyArn: arn(ctx, "kms", `key/${String(inputs.targetKeyId)}`),
    }),
};

export const awsInvokeModels: Readonly<Record<string, InvokeModel>> = {
    "aws:index/getCallerIdentity:getCallerIdentity": (_args, ctx) => ({
        id: ctx.accountId,
        accountId: ctx.accountId,
        arn: arn(ctx, "iam", "user/offline-plan", false),
        userId: `AIDA${ctx.hex(17).toUpperCase()}`,
    }),
    "aws:index/getAvailabilityZones:getAvailabilityZones": (_args, ctx) => {
        const letters = ["a", "b", "c", "d", "e", "f"];
        return {
            id: ctx.region,
            region: ctx.region,
            names: letters.map((letter) => `${ctx.region}${letter}`),
            zoneIds: letters.map((_, i) => `${ctx.region.replace(/-/g, "").slice(0, 4)}-az${i + 1}`),
            groupNames: letters.map(() => ctx.region),
        };
    },
    "aws:ec2/getVpc:getVpc": (_args, ctx) => {
        const id = `vpc-${ctx.hex(17)}`;
        return { id, arn: arn(ctx, "ec2", `vpc/${id}`), cidrBlock: "172.31.0.0/16", default: true, region: ctx.region };
    },
    "aws:ec2/getSubnets:getSubnets": (args, ctx) => ({
        id: ctx.region,
        ids: [0, 1, 2].map(() => `subnet-${ctx.hex(17)}`),
        filters: args.filters ?? [],
        region: ctx.region,
    }),
    "aws:ecr/getAuthorizationToken:getAuthorizationToken": (args, ctx) => ({
        id: ctx.region,
        region: ctx.region,
        registryId: args.registryId ?? ctx.accountId,
        userName: "AWS",
        password: "offline-placeholder-token",
        authorizationToken: Buffer.from("AWS:offline-placeholder-token").toString("base64"),
        proxyEndpoint: `https://${ctx.accountId}.dkr.ecr.${ctx.region}.amazonaws.com`,
        expiresAt: "2030-01-01T00:00:00Z",
    }),
    "aws:ecr/getImage:getImage": (args, ctx) => {
        const repositoryName = String(args.repositoryName);
        const imageTag = String(args.imageTag ?? "");
        return {
            id: `${repositoryName}:${imageTag}`,
            region: ctx.region,
            registryId: args.registryId ?? ctx.accountId,
            repositoryName,
            imageTag,
            imageTags: [imageTag],
            imageDigest: `sha256:${sha256(`${repositoryName}:${imageTag}`)}`,
            imageUri: `${ctx.accountId}.dkr.ecr.${ctx.region}.amazonaws.com/${repositoryName}:${imageTag}`,
            imagePushedAt: 0,
            imageSizeInBytes: 0,
        };
    },
    "aws:index/getRegion:getRegion": (_args, ctx) => ({
        id: ctx.region,
        region: ctx.region,
        name: ctx.region,
        description: `${ctx.region} (offline plan)`,
        endpoint: `ec2.${ctx.region}.amazonaws.com`,
    }),
    "aws:index/getPartition:getPartition": () => ({
        id: "aws",
        partition: "aws",
        dnsSuffix: "amazonaws.com",
        reverseDnsPrefix: "com.amazonaws",
    }),
};

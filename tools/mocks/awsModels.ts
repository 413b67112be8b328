// What AWS and Docker would answer, per type token: realistic, deterministic outputs for the mock engine.
import { createHash } from "crypto";
import { componentTypes as c, resourceTypes as t } from "../resourceTypes";

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

/** A random-looking UUID from the context's digit stream, as ACM, WAF and other services name things. */
function uuid(ctx: ModelContext): string {
    const hex = ctx.hex(32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The settings resources of an S3 bucket take the bucket's name as their ID. */
function bucketSetting(): ResourceModel {
    return (_name, inputs) => ({ id: String(inputs.bucket) });
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
        const tags = (inputs.tags ?? []) as string[];
        // The digest follows what is built (tags, platforms, build args, Dockerfile), as a real build's would.
        const digest = `sha256:${sha256(JSON.stringify([tags, inputs.platforms, inputs.buildArgs, inputs.dockerfile]))}`;
        return {
            id: digest,
            digest,
            ref: tags.length === 0 ? "" : `${tags[0]}@${digest}`,
            contextHash: sha256(JSON.stringify(inputs.context ?? {})),
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
    [t.vpcEndpoint]: (_name, inputs, ctx) => {
        const id = `vpce-${ctx.hex(17)}`;
        const interfaces = inputs.vpcEndpointType === "Interface" ? ((inputs.subnetIds ?? []) as unknown[]) : [];
        return {
            id,
            arn: arn(ctx, "ec2", `vpc-endpoint/${id}`),
            networkInterfaceIds: interfaces.map(() => `eni-${ctx.hex(17)}`),
            prefixListId: inputs.vpcEndpointType === "Gateway" ? `pl-${ctx.hex(8)}` : undefined,
            ownerId: ctx.accountId,
            state: "available",
        };
    },
    // The provider names a route "r-" + its table + a decimal hash of its destination.
    [t.route]: (_name, inputs) => ({
        id: `r-${String(inputs.routeTableId)}${parseInt(sha256(String(inputs.destinationCidrBlock)).slice(0, 8), 16)}`,
        state: "active",
    }),
    [t.certificate]: (_name, inputs, ctx) => {
        const certificateArn = arn(ctx, "acm", `certificate/${uuid(ctx)}`);
        const names = [String(inputs.domainName), ...((inputs.subjectAlternativeNames ?? []) as string[])];
        return {
            id: certificateArn,
            arn: certificateArn,
            status: "PENDING_VALIDATION",
            type: "AMAZON_ISSUED",
            // ACM asks for one CNAME per name, under the name itself, pointing into acm-validations.aws.
            domainValidationOptions: [...new Set(names)].map((domainName) => ({
                domainName,
                resourceRecordName: `_${ctx.hex(32)}.${domainName}.`,
                resourceRecordType: "CNAME",
                resourceRecordValue: `_${ctx.hex(32)}.${ctx.hex(10)}.acm-validations.aws.`,
            })),
        };
    },
    [t.certificateValidation]: (_name, inputs) => ({
        id: "2030-01-01 00:00:00 +0000 UTC",
        certificateArn: inputs.certificateArn,
    }),
    [t.dnsRecord]: (_name, inputs) => {
        const fqdn = String(inputs.name).toLowerCase().replace(/\.$/, "");
        return { id: `${String(inputs.zoneId)}_${fqdn}_${String(inputs.type)}`, fqdn };
    },
    [t.bucket]: (name, inputs, ctx) => {
        // bucket_prefix gets the provider's 26-character unique suffix (id.PrefixedUniqueId: a timestamp and a counter).
        const prefix = inputs.bucketPrefix as string | undefined;
        const bucketName =
            (inputs.bucket as string | undefined) ??
            (prefix !== undefined ? `${prefix}${ctx.hex(26)}` : `${name.slice(0, 55)}-${ctx.hex(7)}`.toLowerCase());
        return {
            id: bucketName,
            bucket: bucketName,
            arn: `arn:aws:s3:::${bucketName}`,
            bucketDomainName: `${bucketName}.s3.amazonaws.com`,
            bucketRegionalDomainName: `${bucketName}.s3.${ctx.region}.amazonaws.com`,
        };
    },
    [t.bucketOwnershipControls]: bucketSetting(),
    [t.bucketPublicAccessBlock]: bucketSetting(),
    [t.bucketEncryption]: bucketSetting(),
    [t.bucketLifecycle]: bucketSetting(),
    [t.bucketPolicy]: bucketSetting(),
    [t.webAcl]: (name, inputs, ctx) => {
        const aclName = autoName(name, inputs, ctx, 128);
        const id = uuid(ctx);
        return {
            id,
            name: aclName,
            arn: arn(ctx, "wafv2", `regional/webacl/${aclName}/${id}`),
            capacity: 702,
            lockToken: uuid(ctx),
        };
    },
    [t.webAclAssociation]: (_name, inputs) => ({
        id: `${String(inputs.webAclArn)},${String(inputs.resourceArn)}`,
    }),
    [t.ssmParameter]: (name, inputs, ctx) => {
        const parameterName = (inputs.name as string | undefined) ?? `${name}-${ctx.hex(7)}`;
        return {
            id: parameterName,
            name: parameterName,
            // A parameter's ARN drops the leading slash of a hierarchical name.
            arn: arn(ctx, "ssm", `parameter/${parameterName.replace(/^\//, "")}`),
            version: 1,
            tier: inputs.tier ?? "Standard",
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
    // An account as AWS opens it: one default VPC per region. A test answers with `ids: []` for one without.
    "aws:ec2/getVpcs:getVpcs": (args, ctx) => ({
        id: ctx.region,
        ids: [`vpc-${ctx.hex(17)}`],
        filters: args.filters ?? [],
        region: ctx.region,
        tags: {},
    }),
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
    "aws:route53/getZone:getZone": (args, ctx) => {
        const zoneId = `Z${ctx.hex(20).toUpperCase()}`;
        const nameServers = [1, 2, 3, 4].map((i) => `ns-${i}.awsdns-0${i}.example.`);
        return {
            id: zoneId,
            zoneId,
            name: String(args.name).toLowerCase().replace(/\.$/, ""),
            arn: `arn:aws:route53:::hostedzone/${zoneId}`,
            privateZone: args.privateZone ?? false,
            nameServers,
            primaryNameServer: nameServers[0],
            callerReference: uuid(ctx),
            comment: "",
            linkedServiceDescription: "",
            linkedServicePrincipal: "",
            resourceRecordSetCount: 2,
            tags: {},
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

/** What a multi-language component's provider answers for it: its outputs. */
export type ComponentModel = (name: string, inputs: Inputs, ctx: ModelContext) => Record<string, unknown>;

export const awsComponentModels: Readonly<Record<string, ComponentModel>> = {
    /**
     * awsx.ec2.Vpc: the IDs of the VPC and of one subnet per spec and zone, in awsx's order (zone by zone). Its
     * children are not modelled, as the program cannot see them either; the outputs that are resource references
     * (internetGateway, natGateways, routes...) are left out, as the program reads none of them. Checks awsx makes
     * before it creates anything are kept, worded as awsx words them (pulumi-awsx awsx/ec2/vpc.ts
     * validateNatGatewayStrategy, subnetDistributorNew.ts allocateSubnetCidrBlocks).
     */
    [c.awsxVpc]: (_name, inputs, ctx) => {
        const zones = Number(inputs.numberOfAvailabilityZones ?? 3);
        const specs = (inputs.subnetSpecs ?? [{ type: "Private" }, { type: "Public" }]) as Inputs[];
        const types = specs.map((spec) => String(spec.type).toLowerCase());
        const strategy = String(inputs.natGateways?.strategy ?? "OnePerAz");
        if (strategy !== "None" && !(types.includes("public") && types.some((type) => type !== "public"))) {
            throw new Error(
                "If NAT Gateway strategy is 'OnePerAz' or 'Single', public subnets must be declared to host the NAT " +
                    "Gateway resource, along with private or isolated subnets to route through it.",
            );
        }
        const zonePrefix =
            Number(String(inputs.cidrBlock ?? "10.0.0.0/16").split("/")[1]) + Math.ceil(Math.log2(zones));
        const evenPrefix = zonePrefix + Math.ceil(Math.log2(specs.length));
        const required = specs.reduce((sum, spec) => sum + 2 ** (32 - Number(spec.cidrMask ?? evenPrefix)), 0);
        if (required > 2 ** (32 - zonePrefix)) {
            throw new Error(
                `Subnets are too large for VPC. VPC has ${2 ** (32 - zonePrefix)} addresses, but subnets require ` +
                    `${required} addresses.`,
            );
        }
        const subnets = Array.from({ length: zones }, () =>
            types.map((type) => ({ type, id: `subnet-${ctx.hex(17)}` })),
        ).flat();
        const idsOf = (type: string) => subnets.filter((subnet) => subnet.type === type).map((subnet) => subnet.id);
        return {
            vpcId: `vpc-${ctx.hex(17)}`,
            publicSubnetIds: idsOf("public"),
            privateSubnetIds: idsOf("private"),
            isolatedSubnetIds: idsOf("isolated"),
        };
    },
};

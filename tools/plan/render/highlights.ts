// Per resource, the properties a reviewer of an infrastructure change checks: ports, CIDRs and peers, health
// checks, sizes and counts, the image, retention, protection. Types without an entry show no properties.
import { statements } from "./iamView";
import { StackModel } from "../model/stackModel";
import { expandJsonStrings } from "../model/properties";
import { componentTypes as c, resourceTypes as t } from "../../resourceTypes";
import { peer, ports } from "./firewallView";
import { SnapshotResource } from "../model/snapshot";
import { alarmView } from "./alarmView";

type Inputs = Record<string, any>;
type Highlighter = (inputs: Inputs, stack: StackModel) => string[];

const onOff = (value: unknown): string => (value === true ? "on" : "off");

/** A digest reference shortened to its first 12 hex digits: enough to tell two images apart at a glance. */
function shortImage(reference: string): string {
    return reference.replace(/^.*\//, "").replace(/@sha256:([0-9a-f]{12})[0-9a-f]+$/, "@sha256:$1…");
}

/** "immutable", "mutable", or "immutable except buildcache-*" for a repository with tag mutability exclusions. */
export function tagMutability(repository: Inputs): string {
    const [mode, exclusion] = String(repository.imageTagMutability ?? "MUTABLE").split("_WITH_");
    const filters = ((repository.imageTagMutabilityExclusionFilters ?? []) as Inputs[]).map((f) => f.filter);
    return `${mode.toLowerCase()}${exclusion === undefined ? "" : ` except ${filters.join(", ")}`}`;
}

/** A tag pattern list of one tag without a wildcard: it selects exactly that image. */
function isExactTag(patterns: unknown): patterns is [string] {
    return Array.isArray(patterns) && patterns.length === 1 && !String(patterns[0]).includes("*");
}

const highlighters: Readonly<Record<string, Highlighter>> = {
    [t.repository]: (i) => [
        `tags ${tagMutability(i)}`,
        `scan on push ${onOff(i.imageScanningConfiguration?.scanOnPush)}`,
        `encryption ${i.encryptionConfigurations?.[0]?.encryptionType ?? "default"}`,
        `forceDelete ${onOff(i.forceDelete)}`,
    ],
    [t.lifecyclePolicy]: (i) =>
        ((i.policy?.rules ?? []) as Inputs[]).map(({ selection: s }) =>
            s.countType === "sinceImagePushed"
                ? `${s.tagStatus} images expire after ${s.countNumber} ${s.countNumber === 1 ? String(s.countUnit).replace(/s$/, "") : s.countUnit}`
                : isExactTag(s.tagPatternList)
                  ? `never expires the image tagged ${s.tagPatternList[0]} (the one the service runs)`
                  : `keeps the last ${s.countNumber} ${s.tagStatus} images`,
        ),
    [t.image]: (i) => [
        `platform ${[i.platforms ?? ["default"]].flat().join(", ")}`,
        `tag ${[i.tags ?? []]
            .flat()
            .map((tag: string) => tag.slice(tag.lastIndexOf(":") + 1))
            .join(", ")}`,
        `dockerfile ${i.dockerfile?.location}`,
        `context ${i.context?.location}`,
        ...((i.cacheTo ?? []) as Inputs[]).map(
            ({ registry: r }) => `cache ${r?.mode ?? "min"} to ${String(r?.ref).replace(/^.*\//, "")}`,
        ),
    ],
    [t.vpc]: (i) => [`${i.cidrBlock}`, `DNS hostnames ${onOff(i.enableDnsHostnames)}`],
    [t.subnet]: (i) => [
        `${i.cidrBlock}`,
        `${i.tags?.tier ?? "subnet"} in ${i.availabilityZone}`,
        `public IPs on launch ${onOff(i.mapPublicIpOnLaunch)}`,
    ],
    [t.routeTable]: (i, s) =>
        ((i.routes ?? []) as Inputs[]).map(
            (r) => `${r.cidrBlock} → ${s.label(r.gatewayId ?? r.natGatewayId ?? r.networkInterfaceId)}`,
        ),
    [t.routeTableAssociation]: (i, s) => [`route table ${s.label(i.routeTableId)} for subnet ${s.label(i.subnetId)}`],
    [t.natGateway]: (i, s) => [`in ${s.label(i.subnetId)}`],
    [t.defaultSecurityGroup]: (i) => [
        (i.ingress ?? []).length + (i.egress ?? []).length === 0 ? "emptied: no rules" : "has rules",
    ],
    [t.securityGroup]: (i) => [String(i.description)],
    [t.ingressRule]: (i, s) => [
        `${ports(i)} from ${peer(s, i)} into ${s.label(i.securityGroupId)}`,
        `"${i.description}"`,
    ],
    [t.egressRule]: (i, s) => [`${ports(i)} to ${peer(s, i)} from ${s.label(i.securityGroupId)}`, `"${i.description}"`],
    [t.loadBalancer]: (i) => [
        i.internal === true ? "internal" : "internet-facing",
        `${i.loadBalancerType ?? "application"}`,
        `drops invalid header fields ${onOff(i.dropInvalidHeaderFields)}`,
        `deletion protection ${onOff(i.enableDeletionProtection)}`,
        `${(i.subnets ?? []).length} subnets`,
    ],
    [t.targetGroup]: (i) => [
        `${i.targetType} targets on ${i.protocol} ${i.port}`,
        `health check ${i.healthCheck?.protocol} ${i.healthCheck?.path} every ${i.healthCheck?.interval} s, ` +
            `${i.healthCheck?.healthyThreshold} to pass, ${i.healthCheck?.unhealthyThreshold} to fail, expects ${i.healthCheck?.matcher}`,
        `deregistration delay ${i.deregistrationDelay} s`,
    ],
    [t.listener]: (i, s) => [
        `${i.protocol} ${i.port}`,
        ...((i.defaultActions ?? []) as Inputs[]).map((action) =>
            action.type === "redirect"
                ? `redirects to ${action.redirect?.protocol} ${action.redirect?.port} (${action.redirect?.statusCode})`
                : `${action.type} to ${s.label(action.targetGroupArn)}`,
        ),
        ...(i.sslPolicy === undefined ? [] : [`TLS policy ${i.sslPolicy}`]),
    ],
    [t.cluster]: (i) => ((i.settings ?? []) as Inputs[]).map((setting) => `${setting.name} ${setting.value}`),
    [t.logGroup]: (i) => [`${i.name}`, `retention ${i.retentionInDays ?? "forever"} days`],
    [t.role]: (i, s) => [
        ...statements(s, i.assumeRolePolicy).map((statement) => `trust: ${statement}`),
        `path ${i.path ?? "/"}`,
        ...(i.permissionsBoundary === undefined ? [] : [`boundary ${i.permissionsBoundary}`]),
    ],
    [t.rolePolicy]: (i, s) => [`on role ${s.label(i.role)}`, ...statements(s, i.policy)],
    [t.taskDefinition]: (i) => {
        const container: Inputs = i.containerDefinitions?.[0] ?? {};
        return [
            `cpu ${i.cpu}, memory ${i.memory} MiB, ${i.runtimePlatform?.cpuArchitecture}`,
            `image ${shortImage(String(container.image))}`,
            `user ${container.user ?? "root"}, read-only root filesystem ${onOff(container.readonlyRootFilesystem)}`,
            `ports ${((container.portMappings ?? []) as Inputs[]).map((p) => `${p.protocol} ${p.containerPort}`).join(", ")}`,
            `stop timeout ${container.stopTimeout ?? 30} s, logs ${container.logConfiguration?.logDriver ?? "none"}`,
        ];
    },
    [t.service]: (i, s) => [
        `desired ${i.desiredCount}, ${i.launchType}`,
        `deployments ${i.deploymentMinimumHealthyPercent}-${i.deploymentMaximumPercent} %, circuit breaker ` +
            `${onOff(i.deploymentCircuitBreaker?.enable)} with rollback ${onOff(i.deploymentCircuitBreaker?.rollback)}`,
        `health check grace ${i.healthCheckGracePeriodSeconds} s`,
        `${(i.networkConfiguration?.subnets ?? []).length} subnets, public IP ${onOff(i.networkConfiguration?.assignPublicIp)}, ` +
            `groups ${((i.networkConfiguration?.securityGroups ?? []) as unknown[]).map((g) => s.label(g)).join(", ")}`,
    ],
    [t.scalingTarget]: (i) => [`${i.minCapacity} to ${i.maxCapacity} tasks`],
    [t.scalingPolicy]: (i) => {
        const config: Inputs = i.targetTrackingScalingPolicyConfiguration ?? {};
        return [
            `${config.predefinedMetricSpecification?.predefinedMetricType} at ${config.targetValue}`,
            `cooldown out ${config.scaleOutCooldown} s, in ${config.scaleInCooldown} s`,
        ];
    },
    [c.awsxVpc]: (i) => [
        `${i.cidrBlock} over ${i.numberOfAvailabilityZones ?? 3} zones`,
        `subnets ${i.subnetStrategy ?? "Legacy"}: ` +
            `${((i.subnetSpecs ?? []) as Inputs[]).map((spec) => `${spec.type} /${spec.cidrMask ?? "even"}`).join(", ") || "awsx default"} per zone`,
        `NAT gateways ${i.natGateways?.strategy ?? "OnePerAz (awsx default)"}`,
        `endpoints ${((i.vpcEndpointSpecs ?? []) as Inputs[]).map((spec) => `${spec.serviceName} (${spec.vpcEndpointType ?? "Gateway"})`).join(", ") || "none"}` +
            ` (strategy ${i.vpcEndpointStrategy ?? "Legacy"})`,
        `DNS hostnames ${onOff(i.enableDnsHostnames)}`,
    ],
    [t.vpcEndpoint]: (i, s) => [
        `${i.vpcEndpointType} ${i.serviceName}`,
        ...(i.vpcEndpointType === "Interface"
            ? [
                  `${(i.subnetIds ?? []).length} subnets, private DNS ${onOff(i.privateDnsEnabled)}`,
                  `groups ${((i.securityGroupIds ?? []) as unknown[]).map((g) => s.label(g)).join(", ")}`,
              ]
            : [`${(i.routeTableIds ?? []).length} route tables`]),
    ],
    [t.route]: (i, s) => [`${i.destinationCidrBlock} → ${s.label(i.gatewayId ?? i.natGatewayId)}`],
    [t.certificate]: (i) => [`${i.domainName}`, `validated by ${i.validationMethod}`],
    [t.certificateValidation]: (i, s) => [`waits for ACM to issue ${s.label(i.certificateArn)}`],
    [t.dnsRecord]: (i, s) => [
        `${i.type} ${i.name}`,
        ...((i.aliases ?? []) as Inputs[]).map((alias) => `alias to ${s.label(alias.name)}`),
        ...((i.records ?? []) as unknown[]).map((record) => `→ ${String(record)}`),
    ],
    [t.bucket]: (i) => [`forceDestroy ${onOff(i.forceDestroy)}`],
    [t.bucketOwnershipControls]: (i) => [`${i.rule?.objectOwnership}`],
    [t.bucketPublicAccessBlock]: (i) => [
        [i.blockPublicAcls, i.blockPublicPolicy, i.ignorePublicAcls, i.restrictPublicBuckets].every((on) => on === true)
            ? "all public access blocked"
            : "some public access allowed",
    ],
    [t.bucketEncryption]: (i) =>
        ((i.rules ?? []) as Inputs[]).map(
            (rule) => `default encryption ${rule.applyServerSideEncryptionByDefault?.sseAlgorithm}`,
        ),
    [t.bucketLifecycle]: (i) =>
        ((i.rules ?? []) as Inputs[]).map(
            (rule) => `${rule.filter?.prefix ?? "objects"} expire after ${rule.expiration?.days} days (${rule.status})`,
        ),
    [t.bucketPolicy]: (i, s) => statements(s, i.policy),
    [t.webAcl]: (i) => [
        `${i.scope}, default ${Object.keys(i.defaultAction ?? {}).join("")}`,
        ...((i.rules ?? []) as Inputs[]).map((rule) =>
            rule.statement?.rateBasedStatement !== undefined
                ? `${rule.priority}: block over ${rule.statement.rateBasedStatement.limit} requests per ${rule.statement.rateBasedStatement.aggregateKeyType} in ${rule.statement.rateBasedStatement.evaluationWindowSec} s`
                : `${rule.priority}: ${rule.statement?.managedRuleGroupStatement?.vendorName} ${rule.statement?.managedRuleGroupStatement?.name}`,
        ),
    ],
    [t.webAclAssociation]: (i, s) => [`guards ${s.label(i.resourceArn)}`],
    [t.ssmParameter]: (i) => [`${i.type} ${i.name}`, `value ${String(i.value)}`, `key ${i.keyId ?? "aws/ssm"}`],
    [t.listenerRule]: (i, s) => [
        `priority ${i.priority} on ${s.label(i.listenerArn)}`,
        ...((i.conditions ?? []) as Inputs[]).map((condition) =>
            condition.httpHeader !== undefined
                ? `if header ${condition.httpHeader.httpHeaderName}: ${[condition.httpHeader.values].flat().join(", ")}`
                : `if path ${[condition.pathPattern?.values].flat().join(", ")}`,
        ),
        ...((i.actions ?? []) as Inputs[]).map(
            (action) =>
                `${action.type} to ${((action.forward?.targetGroups ?? []) as Inputs[])
                    .map((group) => `${s.label(group.arn)} ${group.weight ?? 1}`)
                    .join(", ")}`,
        ),
    ],
    [t.metricAlarm]: (i, s) => {
        const view = alarmView(i, s);
        return [
            `${view.signal} ${view.threshold}`,
            view.window,
            `missing data ${i.treatMissingData ?? "missing"}`,
            `notifies ${view.notifies.join(", ") || "no one"}`,
        ];
    },
    [t.snsTopic]: (i, s) => [
        i.kmsMasterKeyId === undefined ? "unencrypted" : `encrypted with ${s.label(i.kmsMasterKeyId)}`,
    ],
    [t.snsSubscription]: (i, s) => [`${i.protocol} to ${i.endpoint}`, `on ${s.label(i.topic)}`],
    [t.kmsKey]: (i, s) => [
        `rotation ${onOff(i.enableKeyRotation)}`,
        `deletion window ${i.deletionWindowInDays ?? 30} days`,
        ...statements(s, i.policy).map((statement) => `policy: ${statement}`),
    ],
    [t.kmsAlias]: (i, s) => [`${i.name} → ${s.label(i.targetKeyId)}`],
};

/** The properties worth a reviewer's glance, with the program's options that change how updates apply. */
export function highlights(resource: SnapshotResource, stack: StackModel): string[] {
    const highlighter = highlighters[resource.type];
    const facts = highlighter === undefined ? [] : highlighter(expandJsonStrings(resource.inputs) as Inputs, stack);
    return [
        ...facts,
        ...(resource.protect ? ["protected from deletion"] : []),
        ...(resource.ignoreChanges.length > 0 ? [`ignores changes to ${resource.ignoreChanges.join(", ")}`] : []),
    ];
}

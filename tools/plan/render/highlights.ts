// Per resource, the properties a reviewer of an infrastructure change checks: ports, CIDRs and peers, health
// checks, sizes and counts, the image, retention, protection. Types without an entry show no properties.
import { statements } from "./iamView";
import { StackModel } from "../model/stackModel";
import { expandJsonStrings } from "../model/properties";
import { resourceTypes as t } from "../../resourceTypes";
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

const highlighters: Readonly<Record<string, Highlighter>> = {
    [t.repository]: (i) => [
        `tags ${i.imageTagMutability === "IMMUTABLE" ? "immutable" : "mutable"}`,
        `scan on push ${onOff(i.imageScanningConfiguration?.scanOnPush)}`,
        `encryption ${i.encryptionConfigurations?.[0]?.encryptionType ?? "default"}`,
        `forceDelete ${onOff(i.forceDelete)}`,
    ],
    [t.lifecyclePolicy]: (i) =>
        ((i.policy?.rules ?? []) as Inputs[]).map(({ selection: s }) =>
            s.countType === "sinceImagePushed"
                ? `${s.tagStatus} images expire after ${s.countNumber} ${s.countNumber === 1 ? String(s.countUnit).replace(/s$/, "") : s.countUnit}`
                : `keeps the last ${s.countNumber} ${s.tagStatus} images`,
        ),
    [t.image]: (i) => [
        `platform ${i.build?.platform ?? "default"}`,
        `tag ${String(i.imageName).slice(String(i.imageName).lastIndexOf(":") + 1)}`,
        `dockerfile ${i.build?.dockerfile}`,
        `context ${i.build?.context}`,
        ...(i.build?.cacheFrom === undefined ? [] : [`cache from ${[i.build.cacheFrom.images].flat().join(", ")}`]),
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

// Which changes replace a resource or roll out new tasks. An approximation of the AWS and Docker providers: it
// follows their create-only (ForceNew) arguments for the types this program declares, but the provider decides in a
// real `pulumi preview`, and a type missing here is only ever shown as an update.
import { resourceTypes as t } from "../../resourceTypes";

/** Inputs whose change forces a new resource, per type: a list, or all of them but those in `except`. */
type ReplaceRule = { properties: readonly string[] } | { all: true; except: readonly string[] };

const replaceRules: Readonly<Record<string, ReplaceRule>> = {
    // A task definition revision is immutable: any change registers a new revision.
    [t.taskDefinition]: { all: true, except: ["tags", "skipDestroy", "trackLatest"] },
    [t.repository]: { properties: ["name", "encryptionConfigurations"] },
    [t.lifecyclePolicy]: { properties: ["repository"] },
    [t.vpc]: { properties: ["cidrBlock"] },
    [t.subnet]: { properties: ["vpcId", "cidrBlock", "availabilityZone", "availabilityZoneId"] },
    [t.routeTable]: { properties: ["vpcId"] },
    [t.routeTableAssociation]: { properties: ["subnetId", "gatewayId"] },
    [t.eip]: { properties: ["domain", "address", "publicIpv4Pool"] },
    [t.natGateway]: { properties: ["allocationId", "subnetId", "connectivityType", "privateIp"] },
    [t.defaultSecurityGroup]: { properties: ["vpcId"] },
    [t.securityGroup]: { properties: ["name", "namePrefix", "description", "vpcId"] },
    [t.ingressRule]: { properties: ["securityGroupId"] },
    [t.egressRule]: { properties: ["securityGroupId"] },
    // The scheme (internet-facing or internal) and the type are fixed when the load balancer is created.
    [t.loadBalancer]: { properties: ["name", "namePrefix", "internal", "loadBalancerType"] },
    [t.targetGroup]: {
        properties: [
            "name",
            "namePrefix",
            "port",
            "protocol",
            "protocolVersion",
            "targetType",
            "vpcId",
            "ipAddressType",
        ],
    },
    [t.listener]: { properties: ["loadBalancerArn"] },
    [t.cluster]: { properties: ["name"] },
    [t.logGroup]: { properties: ["name", "namePrefix", "logGroupClass"] },
    [t.role]: { properties: ["name", "namePrefix", "path"] },
    [t.rolePolicy]: { properties: ["name", "namePrefix", "role"] },
    [t.service]: {
        properties: ["name", "cluster", "launchType", "iamRole", "schedulingStrategy", "deploymentController"],
    },
    [t.scalingTarget]: { properties: ["resourceId", "scalableDimension", "serviceNamespace"] },
    [t.scalingPolicy]: { properties: ["name", "resourceId", "scalableDimension", "serviceNamespace"] },
    // A rule belongs to one listener for life (terraform-provider-aws elbv2/listener_rule.go: listener_arn ForceNew).
    [t.listenerRule]: { properties: ["listenerArn"] },
    [t.metricAlarm]: { properties: ["name"] },
    [t.snsTopic]: { properties: ["name", "namePrefix", "fifoTopic"] },
    [t.snsSubscription]: { properties: ["topic", "protocol", "endpoint"] },
    [t.kmsKey]: { properties: ["customerMasterKeySpec", "keyUsage", "multiRegion", "customKeyStoreId"] },
    [t.kmsAlias]: { properties: ["name", "namePrefix"] },
};

/** True when a change to the input `property` of a resource of `type` forces a new resource. */
export function forcesReplacement(type: string, property: string): boolean {
    const rule = replaceRules[type];
    if (rule === undefined) {
        return false;
    }
    return "all" in rule ? !rule.except.includes(property) : rule.properties.includes(property);
}

/** Inputs of an ECS service whose change makes ECS start new tasks and drain the old ones. */
const serviceRolloutProperties: readonly string[] = [
    "taskDefinition",
    "networkConfiguration",
    "loadBalancers",
    "platformVersion",
    "capacityProviderStrategies",
    "forceNewDeployment",
    "serviceConnectConfiguration",
    "volumeConfiguration",
];

/** True when changing `property` of a resource of `type` rolls out new tasks. */
export function startsDeployment(type: string, property: string): boolean {
    return type === t.service && serviceRolloutProperties.includes(property);
}

/** A service whose task definition is replaced runs the new revision: ECS rolls out new tasks. */
export const rolloutDependencies: Readonly<Record<string, string>> = { [t.service]: t.taskDefinition };

/** A changed image input means a new build and push, and so a new digest for the task definition. */
export function rebuildsImage(type: string): boolean {
    return type === t.image;
}

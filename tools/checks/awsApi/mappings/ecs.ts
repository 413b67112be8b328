// Clusters, task definitions and services: ecs (Elastic Container Service, 2014-11-13).
import { resourceTypes as t } from "../../../resourceTypes";
import { ApiMapping, lowerCaseTagList } from "../apiMapping";

const source = "hashicorp/terraform-provider-aws internal/service/ecs/";

/** The provider unmarshals container_definitions (JSON) into the API's ContainerDefinition list as it is. */
function containerDefinitions(json: unknown): unknown {
    return JSON.parse(json as string);
}

/** expandNetworkConfiguration: the subnets and groups go into awsvpcConfiguration, the boolean becomes an enum. */
function networkConfiguration(value: unknown): unknown {
    const { assignPublicIp, ...rest } = value as { assignPublicIp?: boolean };
    return {
        awsvpcConfiguration: {
            ...rest,
            ...(assignPublicIp === undefined ? {} : { assignPublicIp: assignPublicIp ? "ENABLED" : "DISABLED" }),
        },
    };
}

/** The provider keeps bake times as strings (expandBakeTimeInMinutes parses them) and sends integers. */
function deploymentConfiguration(value: unknown): unknown {
    const config = value as Record<string, unknown>;
    const asInteger = (text: unknown) => (text === undefined ? undefined : Number(text));
    const step = (block: unknown, key: string) =>
        block === undefined
            ? undefined
            : { ...(block as object), [key]: asInteger((block as Record<string, unknown>)[key]) };
    return {
        ...config,
        bakeTimeInMinutes: asInteger(config.bakeTimeInMinutes),
        linearConfiguration: step(config.linearConfiguration, "stepBakeTimeInMinutes"),
        canaryConfiguration: step(config.canaryConfiguration, "canaryBakeTimeInMinutes"),
    };
}

export const ecsMappings: Readonly<Record<string, ApiMapping>> = {
    [t.cluster]: {
        service: "ecs",
        source: `${source}cluster.go: resourceClusterCreate (CreateCluster)`,
        autoNamed: "name",
        inputs: {
            name: { operation: "CreateCluster", member: "clusterName" },
            settings: { operation: "CreateCluster", member: "settings" },
            configuration: { operation: "CreateCluster", member: "configuration" },
            serviceConnectDefaults: { operation: "CreateCluster", member: "serviceConnectDefaults" },
            tags: { operation: "CreateCluster", member: "tags", toApi: lowerCaseTagList },
        },
    },
    [t.taskDefinition]: {
        service: "ecs",
        source: `${source}task_definition.go: resourceTaskDefinitionCreate (RegisterTaskDefinition), expandContainerDefinitions, expandVolumes`,
        inputs: {
            family: { operation: "RegisterTaskDefinition", member: "family" },
            containerDefinitions: {
                operation: "RegisterTaskDefinition",
                member: "containerDefinitions",
                toApi: containerDefinitions,
            },
            cpu: { operation: "RegisterTaskDefinition", member: "cpu" },
            memory: { operation: "RegisterTaskDefinition", member: "memory" },
            networkMode: { operation: "RegisterTaskDefinition", member: "networkMode" },
            requiresCompatibilities: { operation: "RegisterTaskDefinition", member: "requiresCompatibilities" },
            executionRoleArn: { operation: "RegisterTaskDefinition", member: "executionRoleArn" },
            taskRoleArn: { operation: "RegisterTaskDefinition", member: "taskRoleArn" },
            volumes: { operation: "RegisterTaskDefinition", member: "volumes" },
            runtimePlatform: { operation: "RegisterTaskDefinition", member: "runtimePlatform" },
            ephemeralStorage: { operation: "RegisterTaskDefinition", member: "ephemeralStorage" },
            pidMode: { operation: "RegisterTaskDefinition", member: "pidMode" },
            ipcMode: { operation: "RegisterTaskDefinition", member: "ipcMode" },
            placementConstraints: { operation: "RegisterTaskDefinition", member: "placementConstraints" },
            enableFaultInjection: { operation: "RegisterTaskDefinition", member: "enableFaultInjection" },
            tags: { operation: "RegisterTaskDefinition", member: "tags", toApi: lowerCaseTagList },
            skipDestroy: { notSent: "keeps the old revision registered instead of DeregisterTaskDefinition" },
            trackLatest: { notSent: "makes the provider read the family's latest revision" },
        },
    },
    [t.service]: {
        service: "ecs",
        source:
            `${source}service.go: resourceServiceCreate/Update (CreateService, UpdateService), expandDeploymentCircuitBreaker, ` +
            "expandAlarms, expandServiceLoadBalancers, expandNetworkConfiguration, expandBakeTimeInMinutes, expandLifecycleHooks",
        autoNamed: "name",
        renames: {
            elbName: "loadBalancerName",
            capacityProviderStrategies: "capacityProviderStrategy",
            orderedPlacementStrategies: "placementStrategy",
        },
        inputs: {
            name: { operation: "CreateService", member: "serviceName" },
            cluster: { operation: "CreateService", member: "cluster" },
            taskDefinition: { operation: "CreateService", member: "taskDefinition" },
            desiredCount: { operation: "CreateService", member: "desiredCount" },
            launchType: { operation: "CreateService", member: "launchType" },
            platformVersion: { operation: "CreateService", member: "platformVersion" },
            schedulingStrategy: { operation: "CreateService", member: "schedulingStrategy" },
            deploymentMaximumPercent: { operation: "CreateService", member: "deploymentConfiguration.maximumPercent" },
            deploymentMinimumHealthyPercent: {
                operation: "CreateService",
                member: "deploymentConfiguration.minimumHealthyPercent",
            },
            deploymentCircuitBreaker: {
                operation: "CreateService",
                member: "deploymentConfiguration.deploymentCircuitBreaker",
            },
            alarms: { operation: "CreateService", member: "deploymentConfiguration.alarms" },
            deploymentConfiguration: {
                operation: "CreateService",
                member: "deploymentConfiguration",
                toApi: deploymentConfiguration,
            },
            deploymentController: { operation: "CreateService", member: "deploymentController" },
            healthCheckGracePeriodSeconds: { operation: "CreateService", member: "healthCheckGracePeriodSeconds" },
            loadBalancers: { operation: "CreateService", member: "loadBalancers" },
            networkConfiguration: {
                operation: "CreateService",
                member: "networkConfiguration",
                toApi: networkConfiguration,
            },
            capacityProviderStrategies: { operation: "CreateService", member: "capacityProviderStrategy" },
            placementConstraints: { operation: "CreateService", member: "placementConstraints" },
            orderedPlacementStrategies: { operation: "CreateService", member: "placementStrategy" },
            serviceRegistries: { operation: "CreateService", member: "serviceRegistries", toApi: (v) => [v] },
            serviceConnectConfiguration: { operation: "CreateService", member: "serviceConnectConfiguration" },
            availabilityZoneRebalancing: { operation: "CreateService", member: "availabilityZoneRebalancing" },
            propagateTags: { operation: "CreateService", member: "propagateTags" },
            enableEcsManagedTags: { operation: "CreateService", member: "enableECSManagedTags" },
            enableExecuteCommand: { operation: "CreateService", member: "enableExecuteCommand" },
            iamRole: { operation: "CreateService", member: "role" },
            forceNewDeployment: { operation: "UpdateService", member: "forceNewDeployment" },
            forceDelete: { operation: "DeleteService", member: "force" },
            tags: { operation: "CreateService", member: "tags", toApi: lowerCaseTagList },
            waitForSteadyState: {
                notSent: "makes the provider wait (waitServiceStable) until the deployment is steady",
            },
            triggers: { notSent: "forces a new deployment when a value changes; stays in Pulumi's state" },
            sigintRollback: { notSent: "makes the provider roll back when interrupted while waiting" },
        },
    },
};

// The stack: the service image in its own registry, run on ECS Fargate behind an Application Load Balancer.
// This file only composes the components and exports the stack outputs; each decision lives in the component (or,
// for what follows from configuration, in config/) that owns it.
import * as pulumi from "@pulumi/pulumi";
import { loadSettings } from "./config/stackSettings";
import { LoadBalancer } from "./loadBalancer/loadBalancer";
import { Network } from "./network/network";
import { SecurityGroups } from "./network/securityGroups";
import { ImageRegistry } from "./registry/imageRegistry";
import { ImageRetention } from "./registry/imageRetention";
import { DeploymentAlarms } from "./service/deploymentAlarms";
import { FargateService } from "./service/fargateService";

const settings = loadSettings();
const project = pulumi.getProject();
const stack = pulumi.getStack();

const registry = new ImageRegistry("registry", {
    repositoryName: `${project}-${stack}`.toLowerCase(),
    imageTag: settings.imageTag,
    buildImage: settings.buildImage,
    platform: settings.platform.docker,
    forceDelete: settings.forceDeleteRepository,
});

const network = new Network("network", { dedicatedVpc: settings.dedicatedVpc });

const securityGroups = new SecurityGroups("firewall", {
    vpcId: network.vpcId,
    containerPort: settings.containerPort,
    https: settings.https,
    endpointGroupId: network.endpointGroupId,
});

const loadBalancer = new LoadBalancer("web", {
    vpcId: network.vpcId,
    subnetIds: network.publicSubnetIds,
    securityGroupId: securityGroups.loadBalancerGroupId,
    containerPort: settings.containerPort,
    healthCheckPath: settings.healthCheckPath,
    deregistrationDelaySeconds: settings.deregistrationDelaySeconds,
    deletionProtection: settings.deletionProtection,
    https: settings.https,
    accessLogs:
        settings.accessLogging === undefined
            ? undefined
            : { ...settings.accessLogging, bucketPrefix: `${project}-${stack}-`.toLowerCase() },
    webAcl: settings.webAcl,
    deploymentStrategy: settings.deploymentStrategy,
});

const alarms = new DeploymentAlarms("alarms", {
    namePrefix: `${project}-${stack}`,
    loadBalancerArnSuffix: loadBalancer.arnSuffix,
    targetGroupArnSuffixes: loadBalancer.targetGroupArnSuffixes,
    errorPercent: settings.alarm5xxPercent,
    minRequests: settings.alarm5xxMinRequests,
    latencyP99Ms: settings.alarmLatencyP99Ms,
    unhealthyTargets: settings.alarmUnhealthyTargets,
    periodSeconds: settings.alarmPeriodSeconds,
    evaluationPeriods: settings.alarmEvaluationPeriods,
    datapointsToAlarm: settings.alarmDatapointsToAlarm,
    email: settings.alarmEmail,
});

const service = new FargateService("app", {
    image: registry.imageRef,
    repositoryArn: registry.repositoryArn,
    iamRolePath: settings.iamRolePath,
    permissionsBoundaryArn: settings.permissionsBoundaryArn,
    version: settings.imageTag,
    projectName: project,
    environment: stack,
    cpuArchitecture: settings.platform.ecsCpuArchitecture,
    cpu: settings.cpu,
    memory: settings.memory,
    containerPort: settings.containerPort,
    logLevel: settings.logLevel,
    logRetentionDays: settings.logRetentionDays,
    subnetIds: network.taskSubnetIds,
    assignPublicIp: network.tasksNeedPublicIp,
    securityGroupId: securityGroups.serviceGroupId,
    targetGroupArn: loadBalancer.targetGroupArn,
    desiredCount: settings.desiredCount,
    scaling: {
        minCount: settings.minCount,
        maxCount: settings.maxCount,
        cpuTargetPercent: settings.cpuTargetPercent,
        requestsPerTarget: settings.requestsPerTarget,
        requestCountLabel: loadBalancer.requestCountLabel,
    },
    secrets: settings.containerSecrets,
    deployment: {
        strategy: settings.deploymentStrategy,
        bakeTimeMinutes: settings.bakeTimeMinutes,
        alarmWindowSeconds: settings.alarmEvaluationPeriods * settings.alarmPeriodSeconds,
        minimumHealthyPercent: settings.minimumHealthyPercent,
        alarmNames: alarms.alarmNames,
        rollbackOnAlarm: settings.rollbackOnAlarm,
        blueGreen: loadBalancer.blueGreen,
    },
});

// The lifecycle policy names the image the service runs once it runs it, so ECR never expires that one.
new ImageRetention("retention", {
    repositoryName: registry.repositoryName,
    runningImageTag: settings.imageTag,
    keepTaggedImages: settings.keepTaggedImages,
    serviceName: service.serviceName,
});

export const url = loadBalancer.url;
export const repositoryUrl = registry.repositoryUrl;
/** The deployed image by digest; `pulumi stack output image` tells exactly what runs. */
export const image = registry.imageRef;
export const clusterName = service.clusterName;
export const serviceName = service.serviceName;
export const logGroupName = service.logGroupName;
/** The task definition revision this update declared; the deploy check expects the service to run exactly it. */
export const taskDefinitionArn = service.taskDefinitionArn;
/** Where the deployment alarms report; subscribe chat or paging to it. */
export const alarmTopicArn = alarms.topicArn;

// The stack: the service image in its own registry, run on ECS Fargate behind an Application Load Balancer.
import * as pulumi from "@pulumi/pulumi";
import { loadSettings } from "./config/stackSettings";
import { LoadBalancer } from "./loadBalancer/loadBalancer";
import { Network } from "./network/network";
import { ImageRegistry } from "./registry/imageRegistry";
import { SecurityGroups } from "./network/securityGroups";
import { FargateService } from "./service/fargateService";

const settings = loadSettings();
const project = pulumi.getProject();
const stack = pulumi.getStack();

const registry = new ImageRegistry("registry", {
    repositoryName: `${project}-${stack}`.toLowerCase(),
    imageTag: settings.imageTag,
    buildImage: settings.buildImage,
    cacheFromImage: settings.cacheFromImage,
    platform: settings.architecture === "arm64" ? "linux/arm64" : "linux/amd64",
    keepTaggedImages: settings.keepTaggedImages,
    forceDelete: settings.forceDeleteRepository,
});

const network = new Network("network", {
    vpc: settings.vpc,
    vpcCidr: settings.vpcCidr,
    availabilityZones: settings.availabilityZones,
});

const firewall = new SecurityGroups("firewall", {
    vpcId: network.vpcId,
    containerPort: settings.containerPort,
    httpsEnabled: settings.certificateArn !== "",
});

const web = new LoadBalancer("web", {
    vpcId: network.vpcId,
    subnetIds: network.publicSubnetIds,
    securityGroupId: firewall.loadBalancerGroupId,
    containerPort: settings.containerPort,
    healthCheckPath: settings.healthCheckPath,
    deregistrationDelaySeconds: settings.deregistrationDelaySeconds,
    deletionProtection: settings.deletionProtection,
    certificateArn: settings.certificateArn,
});

const app = new FargateService("app", {
    image: registry.imageRef,
    repositoryArn: registry.repositoryArn,
    iamRolePath: settings.iamRolePath,
    permissionsBoundaryArn: settings.permissionsBoundaryArn,
    version: settings.imageTag,
    serviceName: project,
    environment: stack,
    cpuArchitecture: settings.architecture === "arm64" ? "ARM64" : "X86_64",
    cpu: settings.cpu,
    memory: settings.memory,
    containerPort: settings.containerPort,
    logLevel: settings.logLevel,
    logRetentionDays: settings.logRetentionDays,
    subnetIds: network.hasPrivateSubnets ? network.privateSubnetIds : network.publicSubnetIds,
    assignPublicIp: !network.hasPrivateSubnets,
    securityGroupId: firewall.serviceGroupId,
    targetGroupArn: web.targetGroupArn,
    desiredCount: settings.desiredCount,
    scaling: {
        minCount: settings.minCount,
        maxCount: settings.maxCount,
        cpuTargetPercent: settings.cpuTargetPercent,
        requestsPerTarget: settings.requestsPerTarget,
        requestCountLabel: pulumi.interpolate`${web.arnSuffix}/${web.targetGroupArnSuffix}`,
    },
});

export const url = web.url;
export const repositoryUrl = registry.repositoryUrl;
/** The deployed image by digest; `pulumi stack output image` tells exactly what runs. */
export const image = registry.imageRef;
export const clusterName = app.clusterName;
export const serviceName = app.serviceName;
export const logGroupName = app.logGroupName;

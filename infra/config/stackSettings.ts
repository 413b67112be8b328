// The stack's configuration, read once into a typed object and validated before any resource exists.
import * as pulumi from "@pulumi/pulumi";
import { checkTaskCounts, checkTaskSize, checkVpcCidr, patterns, resolveImageTag } from "./rules";
import {
    appLogLevels,
    cpuArchitectures,
    fargateCpuSizes,
    logRetentionDays,
    Platform,
    platforms,
    vpcChoices,
} from "./limits";
import { SettingsReader } from "./settingsReader";
import { checkDeployment, deploymentDefaults, DeploymentValues, readDeploymentValues } from "./deploymentSettings";

export { ConfigError } from "./settingsReader";

/** The stack's configuration keys as Pulumi.yaml declares them, validated. */
export interface ConfigValues extends DeploymentValues {
    imageTag: string;
    /** false deploys the image already pushed under imageTag (a rollback) instead of building one. */
    buildImage: boolean;
    /** An image of the stack's repository whose layers the build may reuse; empty for none. */
    cacheFromImage: string;
    architecture: (typeof cpuArchitectures)[number];
    cpu: number;
    memory: number;
    containerPort: number;
    healthCheckPath: string;
    desiredCount: number;
    minCount: number;
    maxCount: number;
    cpuTargetPercent: number;
    requestsPerTarget: number;
    logRetentionDays: number;
    logLevel: string;
    keepTaggedImages: number;
    forceDeleteRepository: boolean;
    deletionProtection: boolean;
    vpc: (typeof vpcChoices)[number];
    vpcCidr: string;
    availabilityZones: number;
    /** Empty when the load balancer serves plain HTTP only. */
    certificateArn: string;
    deregistrationDelaySeconds: number;
    /** IAM path of the task roles; a deploy role may be limited to roles under it. */
    iamRolePath: string;
    /** Permissions boundary for the task roles; empty for none. */
    permissionsBoundaryArn: string;
}

/** The certificate of the HTTPS listener. */
export interface HttpsSettings {
    certificateArn: string;
}

/** What the program is built from: the configuration and the decisions that follow from it, each made here once. */
export interface StackSettings extends ConfigValues {
    /** The image's Docker platform and the tasks' ECS CPU architecture, both from `architecture`. */
    platform: Platform;
    /** Set when the load balancer serves HTTPS (and redirects HTTP to it); undefined serves plain HTTP only. */
    https: HttpsSettings | undefined;
}

/** The defaults declared in Pulumi.yaml (a test keeps the two equal), for runs that bypass the Pulumi CLI. */
export const configDefaults: ConfigValues = {
    imageTag: "",
    buildImage: true,
    cacheFromImage: "",
    architecture: "x86_64",
    cpu: 256,
    memory: 512,
    containerPort: 8080,
    healthCheckPath: "/health",
    desiredCount: 1,
    minCount: 1,
    maxCount: 1,
    cpuTargetPercent: 60,
    requestsPerTarget: 1000,
    logRetentionDays: 30,
    logLevel: "Information",
    keepTaggedImages: 20,
    forceDeleteRepository: false,
    deletionProtection: true,
    vpc: "default",
    vpcCidr: "10.0.0.0/16",
    availabilityZones: 2,
    certificateArn: "",
    deregistrationDelaySeconds: 30,
    iamRolePath: "/fargate-service/",
    permissionsBoundaryArn: "",
    ...deploymentDefaults,
};

/** Reads every key through `read` (unset keys take their default); throws one ConfigError listing every bad value. */
export function parseSettings(
    read: (key: string) => string | undefined,
    env: Readonly<Record<string, string | undefined>>,
    namespace: string,
): StackSettings {
    const d = configDefaults;
    const r = new SettingsReader(read, namespace);
    const values: ConfigValues = {
        imageTag: resolveImageTag(r, r.string("imageTag", d.imageTag), env),
        buildImage: r.boolean("buildImage", d.buildImage),
        cacheFromImage: r.matching(
            "cacheFromImage",
            d.cacheFromImage,
            patterns.imageReference,
            "empty for none, or an image reference such as " +
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/fargate-service-dev@sha256:<64 hex digits>",
            true,
        ),
        architecture: r.oneOf("architecture", d.architecture, cpuArchitectures),
        cpu: r.integerOneOf("cpu", d.cpu, fargateCpuSizes, "Fargate task CPU units"),
        memory: r.integer("memory", d.memory, 512, 122880),
        containerPort: r.integer("containerPort", d.containerPort, 1024, 65535, "the service runs as a non-root user"),
        healthCheckPath: r.matching(
            "healthCheckPath",
            d.healthCheckPath,
            patterns.healthCheckPath,
            "a path that starts with / and holds only letters, digits and - _ . ~ /",
        ),
        desiredCount: r.integer("desiredCount", d.desiredCount, 1, 100),
        minCount: r.integer("minCount", d.minCount, 1, 100),
        maxCount: r.integer("maxCount", d.maxCount, 1, 100),
        cpuTargetPercent: r.integer("cpuTargetPercent", d.cpuTargetPercent, 10, 90),
        requestsPerTarget: r.integer("requestsPerTarget", d.requestsPerTarget, 1, 1000000),
        logRetentionDays: r.integerOneOf(
            "logRetentionDays",
            d.logRetentionDays,
            logRetentionDays,
            "retention periods CloudWatch Logs accepts",
        ),
        logLevel: r.oneOf("logLevel", d.logLevel, appLogLevels),
        keepTaggedImages: r.integer("keepTaggedImages", d.keepTaggedImages, 1, 1000),
        forceDeleteRepository: r.boolean("forceDeleteRepository", d.forceDeleteRepository),
        deletionProtection: r.boolean("deletionProtection", d.deletionProtection),
        vpc: r.oneOf("vpc", d.vpc, vpcChoices),
        vpcCidr: r.string("vpcCidr", d.vpcCidr),
        availabilityZones: r.integer("availabilityZones", d.availabilityZones, 2, 6),
        certificateArn: r.matching(
            "certificateArn",
            d.certificateArn,
            patterns.certificateArn,
            "empty for HTTP only, or an ACM certificate ARN such as " +
                "arn:aws:acm:us-east-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef",
            true,
        ),
        deregistrationDelaySeconds: r.integer("deregistrationDelaySeconds", d.deregistrationDelaySeconds, 0, 3600),
        iamRolePath: r.matching(
            "iamRolePath",
            d.iamRolePath,
            patterns.iamPath,
            "an IAM path: / or /name/ (printable ASCII, starting and ending with /)",
        ),
        permissionsBoundaryArn: r.matching(
            "permissionsBoundaryArn",
            d.permissionsBoundaryArn,
            patterns.policyArn,
            "empty for none, or an IAM policy ARN such as arn:aws:iam::123456789012:policy/workload-boundary",
            true,
        ),
        ...readDeploymentValues(r, d),
    };
    checkTaskSize(r, values.cpu, values.memory);
    checkTaskCounts(r, values.desiredCount, values.minCount, values.maxCount);
    checkVpcCidr(r, values.vpcCidr);
    checkDeployment(r, values);
    r.throwIfInvalid();
    return {
        ...values,
        platform: platforms[values.architecture],
        https: values.certificateArn === "" ? undefined : { certificateArn: values.certificateArn },
    };
}

/** The settings of the running stack. */
export function loadSettings(): StackSettings {
    const config = new pulumi.Config();
    return parseSettings((key) => config.get(key), process.env, pulumi.getProject());
}

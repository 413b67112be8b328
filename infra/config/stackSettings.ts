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
    natGatewayChoices,
    vpcEndpointChoices,
} from "./limits";
import { SettingsReader } from "./settingsReader";
import { checkDedicatedVpc, DedicatedVpcSettings, dedicatedVpcSettings } from "./vpcSettings";
import {
    AccessLogSettings,
    checkCertificateRegion,
    checkProductionHttps,
    HttpsSettings,
    httpsSettings,
    readDomain,
    WebAclSettings,
} from "./edgeSettings";
import {
    checkDistinctNames,
    ContainerSecrets,
    containerSecrets,
    readOwnedSecrets,
    readSecretReferences,
    secretPatterns,
} from "./secretSettings";
import { checkDeployment, deploymentDefaults, DeploymentValues, readDeploymentValues } from "./deploymentSettings";

export { ConfigError } from "./settingsReader";
export type { AccessLogSettings, DomainSettings, HttpsSettings, WebAclSettings } from "./edgeSettings";
export type { ContainerSecrets, OwnedSecret, SecretReference } from "./secretSettings";

/** The stack's configuration keys as Pulumi.yaml declares them, validated. */
export interface ConfigValues extends DeploymentValues {
    imageTag: string;
    /** false deploys the image already pushed under imageTag (a rollback) instead of building one. */
    buildImage: boolean;
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
    /** NAT gateways of the dedicated VPC: none, one for all zones, or one per zone. */
    natGateways: (typeof natGatewayChoices)[number];
    /** VPC endpoints of the dedicated VPC: none, the S3 gateway endpoint, or all that tasks need without NAT. */
    vpcEndpoints: (typeof vpcEndpointChoices)[number];
    /** The stack's own DNS name (HTTPS with a certificate ACM issues, unless certificateArn is set); empty for none. */
    domainName: string;
    /** The Route 53 public hosted zone that holds domainName. */
    hostedZoneName: string;
    /** Environment variable name to the ARN of an SSM parameter or Secrets Manager secret the container reads. */
    secrets: Readonly<Record<string, string>>;
    /** Environment variable name to a value kept as a Pulumi secret, which the stack stores in SSM itself. */
    secretValues: Readonly<Record<string, pulumi.Output<string>>>;
    /** The customer managed KMS key that encrypts the secrets; empty for the AWS managed keys. */
    secretsKmsKeyArn: string;
    /** Load balancer access logs to a bucket the stack owns. */
    accessLogs: boolean;
    accessLogRetentionDays: number;
    /** A web ACL on the load balancer (AWS managed common rules, a per-IP rate limit). */
    waf: boolean;
    /** Requests per client IP per 5 minutes before the web ACL blocks the rest. */
    wafRateLimit: number;
}

/** What the caller knows beyond the project's own keys. */
export interface ReadContext {
    /** The AWS provider's region (`aws:region`, else AWS_REGION or AWS_DEFAULT_REGION); undefined when unknown. */
    region?: string;
    /** Whether a key (short name) was set as a Pulumi secret; keys count as plain text without it. */
    isSecret?: (key: string) => boolean;
}

/** What the program is built from: the configuration and the decisions that follow from it, each made here once. */
export interface StackSettings extends ConfigValues {
    /** The image's Docker platform and the tasks' ECS CPU architecture, both from `architecture`. */
    platform: Platform;
    /** Set when the load balancer serves HTTPS (and redirects HTTP to it); undefined serves plain HTTP only. */
    https: HttpsSettings | undefined;
    /** The dedicated VPC's layout, NAT gateways and endpoints; undefined runs in the account's default VPC. */
    dedicatedVpc: DedicatedVpcSettings | undefined;
    /** Set when the load balancer writes access logs; undefined for none. */
    accessLogging: AccessLogSettings | undefined;
    /** Set when a web ACL guards the load balancer; undefined for none. */
    webAcl: WebAclSettings | undefined;
    /** What the container reads from SSM and Secrets Manager, and the grants that takes. */
    containerSecrets: ContainerSecrets;
}

/** The defaults declared in Pulumi.yaml (a test keeps the two equal), for runs that bypass the Pulumi CLI. */
export const configDefaults: ConfigValues = {
    imageTag: "",
    buildImage: true,
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
    natGateways: "none",
    vpcEndpoints: "all",
    domainName: "",
    hostedZoneName: "",
    secrets: {},
    secretValues: {},
    secretsKmsKeyArn: "",
    accessLogs: true,
    accessLogRetentionDays: 90,
    waf: false,
    wafRateLimit: 2000,
    ...deploymentDefaults,
};

/** Reads every key through `read` (unset keys take their default); throws one ConfigError listing every bad value. */
export function parseSettings(
    read: (key: string) => string | undefined,
    env: Readonly<Record<string, string | undefined>>,
    namespace: string,
    context: ReadContext = {},
): StackSettings {
    const d = configDefaults;
    const r = new SettingsReader(read, namespace);
    const values: ConfigValues = {
        imageTag: resolveImageTag(r, r.string("imageTag", d.imageTag), env),
        buildImage: r.boolean("buildImage", d.buildImage),
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
        natGateways: r.oneOf("natGateways", d.natGateways, natGatewayChoices),
        vpcEndpoints: r.oneOf("vpcEndpoints", d.vpcEndpoints, vpcEndpointChoices),
        domainName: r.string("domainName", d.domainName),
        hostedZoneName: r.string("hostedZoneName", d.hostedZoneName),
        secrets: readSecretReferences(r, "secrets"),
        secretValues: readOwnedSecrets(r, "secretValues", context.isSecret ?? (() => false)),
        secretsKmsKeyArn: r.matching(
            "secretsKmsKeyArn",
            d.secretsKmsKeyArn,
            secretPatterns.kmsKeyArn,
            "empty for the AWS managed keys, or a KMS key ARN such as " +
                "arn:aws:kms:us-east-1:123456789012:key/01234567-89ab-cdef-0123-456789abcdef (not an alias: IAM " +
                "grants kms:Decrypt on the key's ARN)",
            true,
        ),
        accessLogs: r.boolean("accessLogs", d.accessLogs),
        accessLogRetentionDays: r.integer("accessLogRetentionDays", d.accessLogRetentionDays, 1, 3650),
        waf: r.boolean("waf", d.waf),
        // AWS WAF's RateLimit bounds (botocore wafv2 2019-07-29 model: RateLimit min 10, max 2000000000).
        wafRateLimit: r.integer("wafRateLimit", d.wafRateLimit, 10, 2000000000),
        ...readDeploymentValues(r, d),
    };
    checkTaskSize(r, values.cpu, values.memory);
    checkTaskCounts(r, values.desiredCount, values.minCount, values.maxCount);
    checkVpcCidr(r, values.vpcCidr);
    checkDedicatedVpc(r, values);
    const region = context.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    checkCertificateRegion(r, values.certificateArn, region);
    const https = httpsSettings(
        values.certificateArn,
        readDomain(r, values.domainName, values.hostedZoneName, values.certificateArn),
    );
    checkProductionHttps(r, values.deletionProtection, https);
    checkDistinctNames(r, values.secrets, values.secretValues, "secretValues");
    // A key the program no longer reads must not pass silently: its value would change nothing.
    r.retired("cacheFromImage", "the image build now caches every stage in the stack's own cache repository by itself");
    checkDeployment(r, values);
    r.throwIfInvalid();
    return {
        ...values,
        platform: platforms[values.architecture],
        dedicatedVpc: dedicatedVpcSettings(values),
        https,
        accessLogging: values.accessLogs
            ? { retentionDays: values.accessLogRetentionDays, deleteWithStack: !values.deletionProtection }
            : undefined,
        webAcl: values.waf ? { rateLimit: values.wafRateLimit } : undefined,
        containerSecrets: containerSecrets(values.secrets, values.secretValues, values.secretsKmsKeyArn),
    };
}

/** The settings of the running stack. */
export function loadSettings(): StackSettings {
    const config = new pulumi.Config();
    const project = pulumi.getProject();
    return parseSettings((key) => config.get(key), process.env, project, {
        region: new pulumi.Config("aws").get("region"),
        isSecret: (key) => isConfigSecret(`${project}:${key}`),
    });
}

/**
 * Whether the Pulumi CLI passed `key` as a secret. The SDK keeps the answer in `runtime.isConfigSecret`, which it
 * exports but leaves out of its typings; a test (tests/infra/config.test.ts) fails if it goes away.
 */
function isConfigSecret(key: string): boolean {
    const runtime = pulumi.runtime as unknown as { isConfigSecret?: (key: string) => boolean };
    if (runtime.isConfigSecret === undefined) {
        throw new Error(
            "@pulumi/pulumi no longer exports runtime.isConfigSecret; loadSettings needs another way to tell",
        );
    }
    return runtime.isConfigSecret(key);
}

// The image and the running tasks: immutable, scanned images pulled by digest, containers that cannot write their
// root filesystem or run as root, deployments that roll themselves back, logs that expire.
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { types } from "./scope";

export const ecrImmutableTagsScanOnPush: ResourceValidationPolicy = {
    name: "ecr-immutable-tags-scan-on-push",
    description:
        "ECR repositories reject tag overwrites (imageTagMutability IMMUTABLE), so a tag names one image forever, and " +
        "scan every pushed image for known vulnerabilities (imageScanningConfiguration.scanOnPush). A build cache " +
        "repository may let only its cache tags (buildcache-*) move (IMMUTABLE_WITH_EXCLUSION); tasks never run those.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== types.repository) {
            return;
        }
        const props = args.props;
        if (props.imageTagMutability === "IMMUTABLE_WITH_EXCLUSION") {
            const filters = (props.imageTagMutabilityExclusionFilters ?? []) as { filter?: unknown }[];
            const movable = filters.filter((filter) => filter.filter !== cacheTagFilter);
            if (filters.length === 0 || movable.length > 0) {
                reportViolation(
                    `imageTagMutabilityExclusionFilters lets ${shown(movable.map((filter) => filter.filter))} move; ` +
                        `allowed: only the build cache's tags, ${shown(cacheTagFilter)}.`,
                );
            }
        } else if (props.imageTagMutability !== "IMMUTABLE") {
            reportViolation(
                `imageTagMutability is ${shown(props.imageTagMutability)}; allowed: "IMMUTABLE" ` +
                    `(or "IMMUTABLE_WITH_EXCLUSION" for the build cache's ${shown(cacheTagFilter)} tags only).`,
            );
        }
        if (props.imageScanningConfiguration?.scanOnPush !== true) {
            reportViolation("imageScanningConfiguration.scanOnPush is not true: pushed images are not scanned.");
        }
    },
};

/** The tags a build cache overwrites on every build (infra/registry/: BuildKit's registry cache, mode=max). */
const cacheTagFilter = "buildcache-*";

/** The task definition's containers, parsed from their JSON. */
function containers(containerDefinitions: unknown): Record<string, any>[] {
    const parsed: unknown =
        typeof containerDefinitions === "string" ? JSON.parse(containerDefinitions) : containerDefinitions;
    return Array.isArray(parsed) ? (parsed as Record<string, any>[]) : [];
}

const byDigest = /@sha256:[0-9a-f]{64}$/;

export const ecsImagesByDigest: ResourceValidationPolicy = {
    name: "ecs-images-by-digest",
    description:
        "Every container of an ECS task definition names its image by digest (...@sha256:<64 hex digits>), so a task " +
        "runs exactly the image that was reviewed and pushed, never whatever a tag points to later.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== types.taskDefinition) {
            return;
        }
        for (const container of containers(args.props.containerDefinitions)) {
            if (typeof container.image !== "string" || !byDigest.test(container.image)) {
                reportViolation(
                    `container ${shown(container.name)} runs image ${shown(container.image)}; allowed: an image by digest (@sha256:...).`,
                );
            }
        }
    },
};

/** User names and IDs that are root. */
const rootUser = /^(0|root)(:.*)?$/;

export const ecsContainersReadOnlyNonRoot: ResourceValidationPolicy = {
    name: "ecs-containers-read-only-non-root",
    description:
        "Every container of an ECS task definition runs as a named non-root user on a read-only root filesystem and " +
        "is not privileged, so a compromised process can neither change the image's files nor act as root.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== types.taskDefinition) {
            return;
        }
        for (const container of containers(args.props.containerDefinitions)) {
            const name = shown(container.name);
            if (container.readonlyRootFilesystem !== true) {
                reportViolation(`container ${name} has a writable root filesystem; set readonlyRootFilesystem: true.`);
            }
            if (typeof container.user !== "string" || container.user === "" || rootUser.test(container.user)) {
                reportViolation(
                    `container ${name} runs as ${container.user === undefined ? "the image's default user" : shown(container.user)}; ` +
                        "allowed: a non-root user such as 1654.",
                );
            }
            if (container.privileged === true) {
                reportViolation(`container ${name} is privileged.`);
            }
        }
    },
};

export const ecsCircuitBreakerRollback: ResourceValidationPolicy = {
    name: "ecs-circuit-breaker-rollback",
    description:
        "ECS services turn on the deployment circuit breaker with rollback, so a deployment whose tasks never turn " +
        "healthy stops and returns to the last working task definition by itself.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== types.service) {
            return;
        }
        const breaker = args.props.deploymentCircuitBreaker;
        if (breaker?.enable !== true || breaker?.rollback !== true) {
            reportViolation(
                `deploymentCircuitBreaker is ${shown(breaker)}; allowed: { enable: true, rollback: true }.`,
            );
        }
    },
};

export const logRetentionSet: ResourceValidationPolicy = {
    name: "log-retention-set",
    description:
        "CloudWatch log groups set retentionInDays, so logs expire after a period someone chose instead of being " +
        "kept (and billed) forever.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== types.logGroup) {
            return;
        }
        const days: unknown = args.props.retentionInDays;
        if (typeof days !== "number" || days <= 0) {
            reportViolation(`retentionInDays is ${shown(days)}: the logs never expire; set a retention period.`);
        }
    },
};

export function shown(value: unknown): string {
    return value === undefined ? "unset" : JSON.stringify(value);
}

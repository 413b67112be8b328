// The pack's policies: the stack's own rules, then every AWSGuard policy with the level this pack gives it.
// docs/policy.md explains each choice; tests/policy checks that it names every policy with its level.
import type { Policies, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { awsGuardModules, onV7Types } from "./policies/awsguard";
import { iamNoWildcards } from "./policies/iam";
import { onlyLoadBalancerOpenToWorld, tasksReachableOnlyFromLoadBalancer } from "./policies/network";
import { prodHttpsListener, prodTasksAcrossZones } from "./policies/production";
import {
    ecrImmutableTagsScanOnPush,
    ecsCircuitBreakerRollback,
    ecsContainersReadOnlyNonRoot,
    ecsImagesByDigest,
    logRetentionSet,
} from "./policies/workload";

export const packName = "fargate-service";

const ownPolicies: Policies = [
    tasksReachableOnlyFromLoadBalancer,
    onlyLoadBalancerOpenToWorld,
    ecrImmutableTagsScanOnPush,
    ecsImagesByDigest,
    ecsContainersReadOnlyNonRoot,
    ecsCircuitBreakerRollback,
    logRetentionSet,
    iamNoWildcards,
    prodTasksAcrossZones,
    prodHttpsListener,
];

const { storage, network, compute } = awsGuardModules;
/** The AWSGuard policies that say what the stack promises, on @pulumi/aws v7's tokens. */
const awsGuardInUse: ResourceValidationPolicy[] = [
    onV7Types(storage.elbDeletionProtectionEnabled, { enforcementLevel: "mandatory", productionOnly: true }),
    onV7Types(network.albHttpToHttpsRedirection, { enforcementLevel: "mandatory", productionOnly: true }),
    // Production keeps a record of every request (infra/loadBalancer/accessLogBucket.ts; on by default there).
    onV7Types(compute.elbAccessLoggingEnabled, { enforcementLevel: "mandatory", productionOnly: true }),
];

/** Every other AWSGuard policy, switched off (docs/policy.md says why each is off). */
const awsGuardOff: Policies = Object.values(awsGuardModules)
    .flatMap((module) => Object.values(module))
    .filter((policy) => typeof policy.name === "string" && !awsGuardInUse.some((used) => used.name === policy.name))
    .map((policy: ResourceValidationPolicy | StackValidationPolicy) => ({
        ...policy,
        enforcementLevel: "disabled" as const,
    }));

export const policies: Policies = [...ownPolicies, ...awsGuardInUse, ...awsGuardOff];

// The registry, logs, IAM and autoscaling: ecr (2015-09-21), logs (2014-03-28), iam (2010-05-08),
// application-autoscaling (2016-02-06).
import { resourceTypes as t } from "../../../resourceTypes";
import { ApiMapping, tagList } from "../apiMapping";

const source = "hashicorp/terraform-provider-aws internal/service/";

export const serviceMappings: Readonly<Record<string, ApiMapping>> = {
    [t.repository]: {
        service: "ecr",
        source: `${source}ecr/repository.go: resourceRepositoryCreate (CreateRepository), resourceRepositoryDelete (DeleteRepository force)`,
        autoNamed: "name",
        inputs: {
            name: { operation: "CreateRepository", member: "repositoryName" },
            imageTagMutability: { operation: "CreateRepository", member: "imageTagMutability" },
            imageTagMutabilityExclusionFilters: {
                operation: "CreateRepository",
                member: "imageTagMutabilityExclusionFilters",
            },
            imageScanningConfiguration: { operation: "CreateRepository", member: "imageScanningConfiguration" },
            encryptionConfigurations: {
                operation: "CreateRepository",
                member: "encryptionConfiguration",
                toApi: (list) => (list as unknown[])[0],
            },
            forceDelete: { operation: "DeleteRepository", member: "force" },
            tags: { operation: "CreateRepository", member: "tags", toApi: tagList },
        },
    },
    [t.lifecyclePolicy]: {
        service: "ecr",
        source: `${source}ecr/lifecycle_policy.go: resourceLifecyclePolicyPut (PutLifecyclePolicy)`,
        inputs: {
            repository: { operation: "PutLifecyclePolicy", member: "repositoryName" },
            policy: { operation: "PutLifecyclePolicy", member: "lifecyclePolicyText" },
        },
    },
    [t.logGroup]: {
        service: "logs",
        source: `${source}logs/group.go: resourceGroupCreate (CreateLogGroup, then PutRetentionPolicy)`,
        autoNamed: "name",
        inputs: {
            name: [
                { operation: "CreateLogGroup", member: "logGroupName" },
                { operation: "PutRetentionPolicy", member: "logGroupName" },
            ],
            retentionInDays: { operation: "PutRetentionPolicy", member: "retentionInDays" },
            kmsKeyId: { operation: "CreateLogGroup", member: "kmsKeyId" },
            logGroupClass: { operation: "CreateLogGroup", member: "logGroupClass" },
            deletionProtectionEnabled: { operation: "CreateLogGroup", member: "deletionProtectionEnabled" },
            tags: { operation: "CreateLogGroup", member: "tags" },
            skipDestroy: { notSent: "makes the provider leave the group in place instead of DeleteLogGroup" },
        },
    },
    [t.role]: {
        service: "iam",
        source: `${source}iam/role.go: resourceRoleCreate (CreateRole)`,
        autoNamed: "name",
        inputs: {
            name: { operation: "CreateRole", member: "RoleName" },
            path: { operation: "CreateRole", member: "Path" },
            assumeRolePolicy: { operation: "CreateRole", member: "AssumeRolePolicyDocument" },
            description: { operation: "CreateRole", member: "Description" },
            maxSessionDuration: { operation: "CreateRole", member: "MaxSessionDuration" },
            permissionsBoundary: { operation: "CreateRole", member: "PermissionsBoundary" },
            forceDetachPolicies: { notSent: "makes the provider detach policies before DeleteRole" },
            tags: { operation: "CreateRole", member: "Tags", toApi: tagList },
        },
    },
    [t.rolePolicy]: {
        service: "iam",
        source: `${source}iam/role_policy.go: resourceRolePolicyPut (PutRolePolicy)`,
        autoNamed: "name",
        inputs: {
            name: { operation: "PutRolePolicy", member: "PolicyName" },
            role: { operation: "PutRolePolicy", member: "RoleName" },
            policy: { operation: "PutRolePolicy", member: "PolicyDocument" },
        },
    },
    "aws:iam/policy:Policy": {
        service: "iam",
        source: `${source}iam/policy.go: resourcePolicyCreate (CreatePolicy)`,
        autoNamed: "name",
        inputs: {
            name: { operation: "CreatePolicy", member: "PolicyName" },
            path: { operation: "CreatePolicy", member: "Path" },
            policy: { operation: "CreatePolicy", member: "PolicyDocument" },
            description: { operation: "CreatePolicy", member: "Description" },
            tags: { operation: "CreatePolicy", member: "Tags", toApi: tagList },
        },
    },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": {
        service: "iam",
        source: `${source}iam/role_policy_attachment.go: resourceRolePolicyAttachmentCreate (AttachRolePolicy)`,
        inputs: {
            role: { operation: "AttachRolePolicy", member: "RoleName" },
            policyArn: { operation: "AttachRolePolicy", member: "PolicyArn" },
        },
    },
    [t.scalingTarget]: {
        service: "application-autoscaling",
        source: `${source}appautoscaling/target.go: resourceTargetPut (RegisterScalableTarget)`,
        inputs: {
            serviceNamespace: { operation: "RegisterScalableTarget", member: "ServiceNamespace" },
            resourceId: { operation: "RegisterScalableTarget", member: "ResourceId" },
            scalableDimension: { operation: "RegisterScalableTarget", member: "ScalableDimension" },
            minCapacity: { operation: "RegisterScalableTarget", member: "MinCapacity" },
            maxCapacity: { operation: "RegisterScalableTarget", member: "MaxCapacity" },
            roleArn: { operation: "RegisterScalableTarget", member: "RoleARN" },
            suspendedState: { operation: "RegisterScalableTarget", member: "SuspendedState" },
            tags: { operation: "RegisterScalableTarget", member: "Tags" },
        },
    },
    [t.scalingPolicy]: {
        service: "application-autoscaling",
        source: `${source}appautoscaling/policy.go: resourcePolicyPut (PutScalingPolicy), expandTargetTrackingScalingPolicyConfiguration`,
        autoNamed: "name",
        inputs: {
            name: { operation: "PutScalingPolicy", member: "PolicyName" },
            policyType: { operation: "PutScalingPolicy", member: "PolicyType" },
            resourceId: { operation: "PutScalingPolicy", member: "ResourceId" },
            scalableDimension: { operation: "PutScalingPolicy", member: "ScalableDimension" },
            serviceNamespace: { operation: "PutScalingPolicy", member: "ServiceNamespace" },
            targetTrackingScalingPolicyConfiguration: {
                operation: "PutScalingPolicy",
                member: "TargetTrackingScalingPolicyConfiguration",
            },
            stepScalingPolicyConfiguration: { operation: "PutScalingPolicy", member: "StepScalingPolicyConfiguration" },
            predictiveScalingPolicyConfiguration: {
                operation: "PutScalingPolicy",
                member: "PredictiveScalingPolicyConfiguration",
            },
        },
    },
};

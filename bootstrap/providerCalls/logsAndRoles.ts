// The service's log group and the two task roles, with the execution role's inline policy.
import {
    type ProviderCalls,
    changes,
    created,
    owned,
    reads,
    requiring,
    tags,
    transparentTagging,
    withTags,
} from "./types";

const logGroup = "logs:log-group";
const role = "iam:role";

/** Roles may be created, and granted anything, only inside the environment's workload boundary. */
const withinBoundary = { "iam:PermissionsBoundary": "$boundary" };

export const logsAndRoleCalls: ProviderCalls[] = [
    {
        type: "aws:cloudwatch/logGroup:LogGroup",
        source:
            "terraform-provider-aws internal/service/logs/group.go (Create: CreateLogGroup with tags, then " +
            "PutRetentionPolicy; Read: DescribeLogGroups; Update: PutRetentionPolicy or DeleteRetentionPolicy, " +
            "AssociateKmsKey/DisassociateKmsKey (no key here); Delete: DeleteLogGroup); tags: @Tags(arn) through " +
            "internal/service/logs/tags_gen.go (ListTagsForResource, TagResource, UntagResource). Tag-on-create " +
            "also needs logs:TagResource (CloudWatch Logs API reference, CreateLogGroup)",
        calls: [
            withTags(changes("logs:CreateLogGroup", "create", created(logGroup))),
            tags("logs:TagResource", "create", created(logGroup)),
            changes("logs:PutRetentionPolicy", "create update", owned(logGroup)),
            changes("logs:DeleteRetentionPolicy", "update", owned(logGroup)),
            reads("logs:DescribeLogGroups", "create read update"),
            ...transparentTagging(logGroup, "logs:ListTagsForResource", "logs:TagResource", "logs:UntagResource"),
            changes("logs:DeleteLogGroup", "delete", owned(logGroup)),
        ],
    },
    {
        type: "aws:iam/role:Role",
        source:
            "terraform-provider-aws internal/service/iam/role.go (Create: CreateRole with path, boundary and tags; " +
            "Read: GetRole (tags included); Update: UpdateAssumeRolePolicy, UpdateRoleDescription, UpdateRole " +
            "(max session), PutRolePermissionsBoundary; Delete: DeleteRole after deleteRoleInstanceProfiles " +
            "(ListInstanceProfilesForRole)); tags: TagRole/UntagRole (internal/service/iam/tags.go). Tag-on-create " +
            "needs iam:TagRole (IAM User Guide, 'Permissions required to tag IAM entities')",
        calls: [
            requiring(withTags(changes("iam:CreateRole", "create", created(role))), withinBoundary),
            tags("iam:TagRole", "create", created(role)),
            tags("iam:TagRole", "update", owned(role)),
            tags("iam:UntagRole", "update", owned(role)),
            reads("iam:GetRole", "create read update delete", owned(role)),
            reads("iam:ListRolePolicies", "read delete", owned(role)),
            reads("iam:ListAttachedRolePolicies", "read delete", owned(role)),
            reads("iam:ListInstanceProfilesForRole", "delete", owned(role)),
            changes("iam:UpdateAssumeRolePolicy", "update", owned(role)),
            changes("iam:UpdateRoleDescription", "update", owned(role)),
            changes("iam:UpdateRole", "update", owned(role)),
            requiring(changes("iam:PutRolePermissionsBoundary", "update", owned(role)), withinBoundary),
            changes("iam:DeleteRole", "delete", owned(role)),
        ],
    },
    {
        type: "aws:iam/rolePolicy:RolePolicy",
        source:
            "terraform-provider-aws internal/service/iam/role_policy.go (Create and Update: PutRolePolicy; Read: " +
            "GetRolePolicy; Delete: DeleteRolePolicy)",
        calls: [
            requiring(changes("iam:PutRolePolicy", "create update", owned(role)), withinBoundary),
            reads("iam:GetRolePolicy", "create read update", owned(role)),
            requiring(changes("iam:DeleteRolePolicy", "delete", owned(role)), withinBoundary),
        ],
    },
];

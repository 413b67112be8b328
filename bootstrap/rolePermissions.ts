// What `pulumi up` and `pulumi preview` of the fargate-service stack may do:
// ECR, ECS, the load balancer, EC2 networking and security groups, CloudWatch
// logs and alarms, application autoscaling, and the stack's own IAM roles.
// Mutating actions are held to this account and region; the roles the stack
// creates are held to their path and the workload boundary.
import {
    type Account,
    type PolicyDocument,
    type PolicyStatement,
    document,
    stateBucketAccess,
    workloadRoleArns,
} from "./policyDocuments";

// Describe/List calls that AWS does not scope to resources, and task
// definitions, which have no resource-level permissions at all.
const READ_ACTIONS = [
    "ec2:Describe*",
    "ecr:DescribeRepositories",
    "ecr:DescribeImages",
    "ecr:GetLifecyclePolicy",
    "ecr:GetRepositoryPolicy",
    "ecr:ListTagsForResource",
    "ecs:Describe*",
    "ecs:List*",
    "elasticloadbalancing:Describe*",
    "logs:DescribeLogGroups",
    "logs:ListTagsForResource",
    "logs:ListTagsLogGroup",
    "application-autoscaling:Describe*",
    "cloudwatch:DescribeAlarms",
    "cloudwatch:ListTagsForResource",
    "sts:GetCallerIdentity",
];

const ECR_WRITE_ACTIONS = [
    "ecr:CreateRepository",
    "ecr:DeleteRepository",
    "ecr:PutImageTagMutability",
    "ecr:PutImageScanningConfiguration",
    "ecr:PutLifecyclePolicy",
    "ecr:DeleteLifecyclePolicy",
    "ecr:TagResource",
    "ecr:UntagResource",
    "ecr:BatchDeleteImage",
    "ecr:InitiateLayerUpload",
    "ecr:UploadLayerPart",
    "ecr:CompleteLayerUpload",
    "ecr:PutImage",
    "ecr:BatchCheckLayerAvailability",
    "ecr:BatchGetImage",
    "ecr:GetDownloadUrlForLayer",
];

const EC2_WRITE_ACTIONS = [
    "ec2:CreateSecurityGroup",
    "ec2:DeleteSecurityGroup",
    "ec2:AuthorizeSecurityGroupIngress",
    "ec2:AuthorizeSecurityGroupEgress",
    "ec2:RevokeSecurityGroupIngress",
    "ec2:RevokeSecurityGroupEgress",
    "ec2:ModifySecurityGroupRules",
    "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
    "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
    "ec2:CreateVpc",
    "ec2:DeleteVpc",
    "ec2:ModifyVpcAttribute",
    "ec2:CreateSubnet",
    "ec2:DeleteSubnet",
    "ec2:ModifySubnetAttribute",
    "ec2:CreateInternetGateway",
    "ec2:DeleteInternetGateway",
    "ec2:AttachInternetGateway",
    "ec2:DetachInternetGateway",
    "ec2:AllocateAddress",
    "ec2:ReleaseAddress",
    "ec2:CreateNatGateway",
    "ec2:DeleteNatGateway",
    "ec2:CreateRouteTable",
    "ec2:DeleteRouteTable",
    "ec2:CreateRoute",
    "ec2:DeleteRoute",
    "ec2:ReplaceRoute",
    "ec2:AssociateRouteTable",
    "ec2:DisassociateRouteTable",
    "ec2:CreateTags",
    "ec2:DeleteTags",
];

const ELB_WRITE_ACTIONS = [
    "elasticloadbalancing:CreateLoadBalancer",
    "elasticloadbalancing:DeleteLoadBalancer",
    "elasticloadbalancing:ModifyLoadBalancerAttributes",
    "elasticloadbalancing:SetSecurityGroups",
    "elasticloadbalancing:SetSubnets",
    "elasticloadbalancing:CreateTargetGroup",
    "elasticloadbalancing:DeleteTargetGroup",
    "elasticloadbalancing:ModifyTargetGroup",
    "elasticloadbalancing:ModifyTargetGroupAttributes",
    "elasticloadbalancing:CreateListener",
    "elasticloadbalancing:DeleteListener",
    "elasticloadbalancing:ModifyListener",
    "elasticloadbalancing:AddTags",
    "elasticloadbalancing:RemoveTags",
];

const ECS_WRITE_ACTIONS = [
    "ecs:CreateCluster",
    "ecs:DeleteCluster",
    "ecs:UpdateCluster",
    "ecs:UpdateClusterSettings",
    "ecs:PutClusterCapacityProviders",
    "ecs:CreateService",
    "ecs:UpdateService",
    "ecs:DeleteService",
    "ecs:TagResource",
    "ecs:UntagResource",
];

const LOGS_WRITE_ACTIONS = [
    "logs:CreateLogGroup",
    "logs:DeleteLogGroup",
    "logs:PutRetentionPolicy",
    "logs:DeleteRetentionPolicy",
    "logs:TagResource",
    "logs:UntagResource",
    "logs:TagLogGroup",
    "logs:UntagLogGroup",
];

// Target tracking creates and deletes its CloudWatch alarms in the caller's name.
const AUTOSCALING_WRITE_ACTIONS = [
    "application-autoscaling:RegisterScalableTarget",
    "application-autoscaling:DeregisterScalableTarget",
    "application-autoscaling:PutScalingPolicy",
    "application-autoscaling:DeleteScalingPolicy",
    "application-autoscaling:TagResource",
    "application-autoscaling:UntagResource",
    "cloudwatch:PutMetricAlarm",
    "cloudwatch:DeleteAlarms",
];

const WORKLOAD_ROLE_READ_ACTIONS = [
    "iam:GetRole",
    "iam:GetRolePolicy",
    "iam:ListRolePolicies",
    "iam:ListAttachedRolePolicies",
    "iam:ListInstanceProfilesForRole",
];

const WORKLOAD_ROLE_WRITE_ACTIONS = [
    "iam:DeleteRole",
    "iam:TagRole",
    "iam:UntagRole",
    "iam:UpdateRole",
    "iam:UpdateAssumeRolePolicy",
];

// Each of these could grant a role more than the boundary unless the role carries it.
const WORKLOAD_ROLE_GRANT_ACTIONS = [
    "iam:CreateRole",
    "iam:PutRolePolicy",
    "iam:DeleteRolePolicy",
    "iam:AttachRolePolicy",
    "iam:DetachRolePolicy",
    "iam:PutRolePermissionsBoundary",
];

const SERVICE_LINKED_ROLES = [
    "ecs.amazonaws.com",
    "elasticloadbalancing.amazonaws.com",
    "ecs.application-autoscaling.amazonaws.com",
];

function inAccount(account: Account, service: string, resource = "*"): string {
    return `arn:${account.partition}:${service}:${account.region}:${account.accountId}:${resource}`;
}

function inRegion(account: Account): PolicyStatement["Condition"] {
    return { StringEquals: { "aws:RequestedRegion": account.region } };
}

function readStatements(account: Account): PolicyStatement[] {
    return [
        { Sid: "DescribeWhatTheStackDeclares", Effect: "Allow", Action: READ_ACTIONS, Resource: "*" },
        { Sid: "LogInToEcr", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: "*" },
        {
            Sid: "ReadTheWorkloadRoles",
            Effect: "Allow",
            Action: WORKLOAD_ROLE_READ_ACTIONS,
            Resource: workloadRoleArns(account),
        },
    ];
}

export function deployPermissions(account: Account, workloadBoundaryArn: string): PolicyDocument {
    const roles = workloadRoleArns(account);
    return document(
        ...readStatements(account),
        {
            Sid: "ManageTaskDefinitions",
            Effect: "Allow",
            Action: ["ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition"],
            Resource: "*",
            Condition: inRegion(account),
        },
        {
            Sid: "ManageAndPushToTheRepository",
            Effect: "Allow",
            Action: ECR_WRITE_ACTIONS,
            Resource: inAccount(account, "ecr", "repository/*"),
        },
        {
            Sid: "ManageNetworkAndSecurityGroups",
            Effect: "Allow",
            Action: EC2_WRITE_ACTIONS,
            Resource: "*",
            Condition: inRegion(account),
        },
        {
            Sid: "ManageTheLoadBalancer",
            Effect: "Allow",
            Action: ELB_WRITE_ACTIONS,
            Resource: inAccount(account, "elasticloadbalancing"),
        },
        {
            Sid: "ManageTheClusterAndService",
            Effect: "Allow",
            Action: ECS_WRITE_ACTIONS,
            Resource: inAccount(account, "ecs"),
        },
        {
            Sid: "ManageTheLogGroup",
            Effect: "Allow",
            Action: LOGS_WRITE_ACTIONS,
            Resource: inAccount(account, "logs", "log-group:*"),
        },
        {
            Sid: "ManageAutoscaling",
            Effect: "Allow",
            Action: AUTOSCALING_WRITE_ACTIONS,
            Resource: "*",
            Condition: inRegion(account),
        },
        { Sid: "ManageTheWorkloadRoles", Effect: "Allow", Action: WORKLOAD_ROLE_WRITE_ACTIONS, Resource: roles },
        {
            Sid: "GrantOnlyWithinTheWorkloadBoundary",
            Effect: "Allow",
            Action: WORKLOAD_ROLE_GRANT_ACTIONS,
            Resource: roles,
            Condition: { StringEquals: { "iam:PermissionsBoundary": workloadBoundaryArn } },
        },
        {
            Sid: "NeverLiftTheWorkloadBoundary",
            Effect: "Deny",
            Action: ["iam:DeleteRolePermissionsBoundary"],
            Resource: "*",
        },
        {
            Sid: "PassWorkloadRolesOnlyToEcsTasks",
            Effect: "Allow",
            Action: ["iam:PassRole"],
            Resource: roles,
            Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
        },
        {
            Sid: "CreateTheServiceLinkedRolesOnFirstUse",
            Effect: "Allow",
            Action: ["iam:CreateServiceLinkedRole"],
            Resource: `arn:${account.partition}:iam::${account.accountId}:role/aws-service-role/*`,
            Condition: { StringEquals: { "iam:AWSServiceName": SERVICE_LINKED_ROLES } },
        },
        ...stateBucketAccess(account, true),
    );
}

/** `pulumi preview` reads and logs in to ECR; it changes nothing in AWS. */
export function previewPermissions(account: Account): PolicyDocument {
    return document(...readStatements(account), ...stateBucketAccess(account, false));
}

// The most any role a deploy creates may ever hold (its permissions boundary): what the execution role does (pull the
// environment's image, write its logs, read its secrets) and what ECS's blue/green infrastructure role does (shift
// the environment's load balancer). Each environment has its own, so a role of one environment cannot reach
// another's, whatever policy a deploy gives it.
import { type PolicyDocument, document } from "../policyDocuments";
import { type Account, ENVIRONMENT_TAG, STACK_PROJECT } from "./scope";

export function workloadBoundary(account: Account, environment: string): PolicyDocument {
    const { partition, accountId, region } = account;
    const regional = (service: string, resource: string) =>
        `arn:${partition}:${service}:${region}:${accountId}:${resource}`;
    const taggedWithTheEnvironment = { StringEquals: { [`aws:ResourceTag/${ENVIRONMENT_TAG}`]: environment } };
    return document(
        {
            Sid: "LogInToTheRegistry",
            Effect: "Allow",
            // GetAuthorizationToken has no resource-level permissions; the token carries only the caller's rights.
            Action: ["ecr:GetAuthorizationToken"],
            Resource: "*",
        },
        {
            Sid: "PullTheEnvironmentsImage",
            Effect: "Allow",
            Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
            Resource: regional("ecr", `repository/${STACK_PROJECT}-${environment}`),
        },
        {
            Sid: "WriteTheEnvironmentsLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: regional("logs", `log-group:/ecs/${STACK_PROJECT}/${environment}:log-stream:*`),
        },
        // The execution role's secrets (infra/service/secrets.ts, after the ECS developer guide's "Required IAM
        // permissions for Amazon ECS secrets"): the parameters the stack keeps under its own path, and those
        // parameters and secrets the operator tagged with the environment.
        {
            Sid: "ReadTheEnvironmentsParameters",
            Effect: "Allow",
            Action: ["ssm:GetParameters"],
            Resource: regional("ssm", `parameter/${STACK_PROJECT}/${environment}/*`),
        },
        {
            Sid: "ReadSecretsTaggedWithTheEnvironment",
            Effect: "Allow",
            Action: ["ssm:GetParameters", "secretsmanager:GetSecretValue"],
            Resource: [regional("ssm", "parameter/*"), regional("secretsmanager", "secret:*")],
            Condition: taggedWithTheEnvironment,
        },
        {
            // Only as SSM or Secrets Manager decrypt a value for the role, after they have authorized its read of
            // that very parameter or secret above: the key grants no read of its own.
            Sid: "DecryptSecretsThroughSsmAndSecretsManager",
            Effect: "Allow",
            Action: ["kms:Decrypt"],
            Resource: regional("kms", "key/*"),
            Condition: {
                StringEquals: {
                    "kms:ViaService": [`secretsmanager.${region}.amazonaws.com`, `ssm.${region}.amazonaws.com`],
                },
            },
        },
        // ECS's infrastructure role for blue/green deployments (infra/service/blueGreenRole.ts): the calls of the AWS
        // managed AmazonECSInfrastructureRolePolicyForLoadBalancers, on the environment's tagged resources only.
        {
            Sid: "ReadTheLoadBalancers",
            Effect: "Allow",
            // Describe calls have no resource-level permissions in Elastic Load Balancing.
            Action: [
                "elasticloadbalancing:DescribeListeners",
                "elasticloadbalancing:DescribeRules",
                "elasticloadbalancing:DescribeTargetGroups",
                "elasticloadbalancing:DescribeTargetHealth",
            ],
            Resource: "*",
        },
        {
            Sid: "ShiftTheEnvironmentsTraffic",
            Effect: "Allow",
            Action: [
                "elasticloadbalancing:DeregisterTargets",
                "elasticloadbalancing:ModifyListener",
                "elasticloadbalancing:ModifyRule",
                "elasticloadbalancing:RegisterTargets",
            ],
            Resource: [
                regional("elasticloadbalancing", "targetgroup/*"),
                regional("elasticloadbalancing", "listener/app/*"),
                regional("elasticloadbalancing", "listener-rule/app/*"),
            ],
            Condition: taggedWithTheEnvironment,
        },
    );
}

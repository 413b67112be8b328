// The most any role a deploy creates may ever hold (its permissions boundary): pull the environment's image and
// write the environment's logs. Each environment has its own, so a role of one environment cannot reach another's.
import { type PolicyDocument, document } from "../policyDocuments";
import { type Account, STACK_PROJECT } from "./scope";

export function workloadBoundary(account: Account, environment: string): PolicyDocument {
    const { partition, accountId, region } = account;
    const regional = (service: string, resource: string) =>
        `arn:${partition}:${service}:${region}:${accountId}:${resource}`;
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
    );
}

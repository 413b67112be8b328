// The part of ECS's DescribeServices answer the deploy check reads, as `aws ecs describe-services --output json`
// prints it (shapes DescribeServicesResponse, Service, Deployment in botocore's ecs service-2.json), and the one
// call that fetches it.
import { spawnSync } from "node:child_process";
import { DeployCheckError } from "./deployCheckError";

export interface Deployment {
    id: string;
    /** PRIMARY (the newest), ACTIVE (being replaced) or INACTIVE. */
    status: string;
    taskDefinition: string;
    desiredCount: number;
    runningCount: number;
    pendingCount: number;
    failedTasks?: number;
    /** IN_PROGRESS, COMPLETED or FAILED; returned for the ECS deployment controller. */
    rolloutState?: "IN_PROGRESS" | "COMPLETED" | "FAILED";
    rolloutStateReason?: string;
}

export interface ServiceEvent {
    id: string;
    createdAt: string;
    message: string;
}

export interface Service {
    serviceArn: string;
    serviceName: string;
    status: string;
    desiredCount: number;
    runningCount: number;
    deployments: Deployment[];
    events?: ServiceEvent[];
}

export interface DescribeServicesResponse {
    services: Service[];
    failures: { arn?: string; reason?: string; detail?: string }[];
}

/** Fetches the service's description; the check calls it again until the rollout has ended. */
export type DescribeServices = () => Promise<DescribeServicesResponse>;

/** DescribeServices through the AWS CLI, with the credentials and region the workflow's environment holds. */
export function awsCliDescribeServices(cluster: string, service: string): DescribeServices {
    return () => {
        const args = ["ecs", "describe-services", "--cluster", cluster, "--services", service, "--output", "json"];
        const result = spawnSync("aws", args, { encoding: "utf8", timeout: 60_000 });
        if (result.error !== undefined || result.status !== 0) {
            const reason = result.error?.message ?? result.stderr.trim().split("\n").pop() ?? `exit ${result.status}`;
            return Promise.reject(new DeployCheckError(`aws ecs describe-services failed: ${reason}`));
        }
        try {
            return Promise.resolve(JSON.parse(result.stdout) as DescribeServicesResponse);
        } catch {
            return Promise.reject(new DeployCheckError("aws ecs describe-services printed something other than JSON"));
        }
    };
}

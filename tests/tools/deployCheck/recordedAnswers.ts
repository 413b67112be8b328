// The recorded DescribeServices answers the deploy check is tested on, and the ARNs they name.
import * as fs from "node:fs";
import * as path from "node:path";
import type { DescribeServicesResponse } from "../../../tools/deployCheck/describeServices";
import { projectRoot } from "../../infra/stackRun";

export const fixturesDirectory = path.join(projectRoot, "tests", "tools", "deployCheck", "fixtures");

/** The revision the recorded update declared, and the one before it. */
export const newTaskDefinition = "arn:aws:ecs:us-east-1:123456789012:task-definition/fargate-service-prod:7";
export const oldTaskDefinition = "arn:aws:ecs:us-east-1:123456789012:task-definition/fargate-service-prod:6";

export const recordedCases = [
    "completed",
    "rolled-back-by-alarm",
    "rolling-back-circuit-breaker",
    "rollout-failed",
    "rollout-in-progress",
    "service-missing",
] as const;

export function fixturePath(name: (typeof recordedCases)[number]): string {
    return path.join(fixturesDirectory, `${name}.json`);
}

export function recorded(name: (typeof recordedCases)[number]): DescribeServicesResponse {
    return JSON.parse(fs.readFileSync(fixturePath(name), "utf8")) as DescribeServicesResponse;
}

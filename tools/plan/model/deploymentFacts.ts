// What a deploy's timing depends on, read off the declared ECS service, its target group, its task definition and
// the alarms it watches. Where a value is not declared, the AWS default stands in (target group health checks: 30 s
// interval, 5 passes, 2 failures; deregistration delay 300 s; container stopTimeout 30 s).
import { expandJsonStrings } from "./properties";
import { StackModel } from "./stackModel";
import { resourceTypes as t } from "../../resourceTypes";

/** The few inputs read here, as the mock engine recorded them (pulumi-aws ecs.Service, lb.TargetGroup, ...). */
interface ServiceInputs {
    loadBalancers?: { targetGroupArn?: string }[];
    taskDefinition?: string;
    desiredCount?: number;
    deploymentMinimumHealthyPercent?: number;
    deploymentMaximumPercent?: number;
    healthCheckGracePeriodSeconds?: number;
    deploymentConfiguration?: { strategy?: string; bakeTimeInMinutes?: string };
    alarms?: { alarmNames?: string[]; enable?: boolean; rollback?: boolean };
}
interface TargetGroupInputs {
    deregistrationDelay?: number;
    healthCheck?: { interval?: number; healthyThreshold?: number; unhealthyThreshold?: number };
}
interface TaskInputs {
    containerDefinitions?: { stopTimeout?: number }[];
}
interface AlarmInputs {
    name?: string;
    period?: number;
    evaluationPeriods?: number;
    datapointsToAlarm?: number;
    metricQueries?: { metric?: { period?: number } }[];
}

export interface DeploymentFacts {
    strategy: "ROLLING" | "BLUE_GREEN";
    desiredCount: number;
    minimumHealthyPercent: number;
    maximumPercent: number;
    graceSeconds: number;
    interval: number;
    healthyThreshold: number;
    unhealthyThreshold: number;
    deregistrationSeconds: number;
    stopTimeoutSeconds: number;
    bakeMinutes: number;
    alarmsRollBack: boolean;
    /** The longest alarm's window (evaluation periods × period) and its shortest way to ALARM (datapoints × period). */
    alarmWindowSeconds: number;
    alarmDetectionSeconds: number;
}

/** What the timeline is computed from, read off the declared service, its target group, task and alarms. */
export function deploymentFacts(stack: StackModel): DeploymentFacts | undefined {
    const [service] = stack.ofType(t.service);
    if (service === undefined) {
        return undefined;
    }
    const inputs = service.inputs as ServiceInputs;
    const group = stack.referenced(inputs.loadBalancers?.[0]?.targetGroupArn)?.inputs as TargetGroupInputs | undefined;
    const task = expandJsonStrings(stack.referenced(inputs.taskDefinition)?.inputs ?? {}) as TaskInputs;
    const alarmNames = new Set(inputs.alarms?.alarmNames ?? []);
    const alarms = stack
        .ofType(t.metricAlarm)
        .map((alarm) => alarm.inputs as AlarmInputs)
        .filter((alarm) => alarmNames.has(alarm.name ?? ""));
    const periodOf = (alarm: AlarmInputs) =>
        Math.max(alarm.period ?? 0, ...(alarm.metricQueries ?? []).map((query) => query.metric?.period ?? 0));
    const strategy = inputs.deploymentConfiguration?.strategy === "BLUE_GREEN" ? "BLUE_GREEN" : "ROLLING";
    const configuredBake = stack.snapshot.config[`${stack.snapshot.project}:bakeTimeMinutes`];
    return {
        strategy,
        desiredCount: Number(inputs.desiredCount ?? 1),
        minimumHealthyPercent: Number(inputs.deploymentMinimumHealthyPercent ?? 100),
        maximumPercent: Number(inputs.deploymentMaximumPercent ?? 200),
        graceSeconds: Number(inputs.healthCheckGracePeriodSeconds ?? 0),
        interval: Number(group?.healthCheck?.interval ?? 30),
        healthyThreshold: Number(group?.healthCheck?.healthyThreshold ?? 5),
        unhealthyThreshold: Number(group?.healthCheck?.unhealthyThreshold ?? 2),
        deregistrationSeconds: Number(group?.deregistrationDelay ?? 300),
        stopTimeoutSeconds: Number(task.containerDefinitions?.[0]?.stopTimeout ?? 30),
        bakeMinutes: Number(inputs.deploymentConfiguration?.bakeTimeInMinutes ?? configuredBake ?? 0),
        alarmsRollBack: inputs.alarms?.enable === true && inputs.alarms?.rollback === true,
        alarmWindowSeconds: Math.max(0, ...alarms.map((alarm) => Number(alarm.evaluationPeriods) * periodOf(alarm))),
        alarmDetectionSeconds: Math.max(0, ...alarms.map((alarm) => Number(alarm.datapointsToAlarm) * periodOf(alarm))),
    };
}

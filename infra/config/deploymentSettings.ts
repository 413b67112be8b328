// How a release goes out and how a bad one is caught: the deployment strategy, the bake time, the rolling fast lane
// and the thresholds of the alarms that roll a deployment back. Read once and checked here, with the rules that
// combine these keys.
import { SettingsReader } from "./settingsReader";

export const deploymentStrategies = ["rolling", "blueGreen"] as const;

export interface DeploymentValues {
    /** rolling replaces tasks in place; blueGreen starts a second revision and shifts the listener rule to it. */
    deploymentStrategy: (typeof deploymentStrategies)[number];
    /** blueGreen only: minutes both revisions run after production traffic moved, the window for an instant undo. */
    bakeTimeMinutes: number;
    /** rolling only: 0 lets ECS stop old tasks while new ones start (a short gap), 100 keeps full capacity. */
    minimumHealthyPercent: number;
    /** Whether the alarms below fail and roll back a deployment, or only notify. */
    rollbackOnAlarm: boolean;
    /** 5xx answers (the tasks' and the load balancer's) as a percentage of requests. */
    alarm5xxPercent: number;
    /** Periods with fewer requests than this never count as breaching: one error in two requests is no signal. */
    alarm5xxMinRequests: number;
    alarmLatencyP99Ms: number;
    alarmUnhealthyTargets: number;
    alarmPeriodSeconds: number;
    alarmEvaluationPeriods: number;
    alarmDatapointsToAlarm: number;
    /** Subscribed to the alarms' topic; empty subscribes no one. */
    alarmEmail: string;
}

export const deploymentDefaults: DeploymentValues = {
    deploymentStrategy: "rolling",
    bakeTimeMinutes: 10,
    minimumHealthyPercent: 100,
    rollbackOnAlarm: true,
    alarm5xxPercent: 5,
    alarm5xxMinRequests: 10,
    alarmLatencyP99Ms: 1000,
    alarmUnhealthyTargets: 1,
    alarmPeriodSeconds: 60,
    alarmEvaluationPeriods: 3,
    alarmDatapointsToAlarm: 2,
    alarmEmail: "",
};

/** `pulumi up` waits through the bake and the alarms' watch (waitForSteadyState), inside the deploy job's 60 minutes. */
const maxBakeTimeMinutes = 30;
const maxAlarmWindowSeconds = 1800;
const emailAddress = /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/;

export function readDeploymentValues(r: SettingsReader, d: DeploymentValues): DeploymentValues {
    return {
        deploymentStrategy: r.oneOf("deploymentStrategy", d.deploymentStrategy, deploymentStrategies),
        bakeTimeMinutes: r.integer("bakeTimeMinutes", d.bakeTimeMinutes, 0, maxBakeTimeMinutes),
        minimumHealthyPercent: r.integer("minimumHealthyPercent", d.minimumHealthyPercent, 0, 100),
        rollbackOnAlarm: r.boolean("rollbackOnAlarm", d.rollbackOnAlarm),
        alarm5xxPercent: r.integer("alarm5xxPercent", d.alarm5xxPercent, 1, 100),
        alarm5xxMinRequests: r.integer("alarm5xxMinRequests", d.alarm5xxMinRequests, 1, 1000000),
        alarmLatencyP99Ms: r.integer("alarmLatencyP99Ms", d.alarmLatencyP99Ms, 10, 60000),
        alarmUnhealthyTargets: r.integer("alarmUnhealthyTargets", d.alarmUnhealthyTargets, 1, 100),
        alarmPeriodSeconds: r.integer("alarmPeriodSeconds", d.alarmPeriodSeconds, 60, 3600),
        alarmEvaluationPeriods: r.integer("alarmEvaluationPeriods", d.alarmEvaluationPeriods, 1, 10),
        alarmDatapointsToAlarm: r.integer("alarmDatapointsToAlarm", d.alarmDatapointsToAlarm, 1, 10),
        alarmEmail: r.matching("alarmEmail", d.alarmEmail, emailAddress, "empty for none, or an email address", true),
    };
}

/** Rules across the deployment keys; each skips keys that already failed on their own. */
export function checkDeployment(r: SettingsReader, v: DeploymentValues): void {
    // The load balancer publishes its metrics once a minute; a shorter or uneven period leaves alarms without data.
    if (!r.failed("alarmPeriodSeconds") && v.alarmPeriodSeconds % 60 !== 0) {
        r.problem(
            "alarmPeriodSeconds",
            String(v.alarmPeriodSeconds),
            "allowed: a multiple of 60 from 60 to 3600 (the load balancer publishes its metrics once a minute)",
        );
    }
    if (
        !r.failed("alarmDatapointsToAlarm", "alarmEvaluationPeriods") &&
        v.alarmDatapointsToAlarm > v.alarmEvaluationPeriods
    ) {
        r.problem(
            "alarmDatapointsToAlarm",
            String(v.alarmDatapointsToAlarm),
            `allowed: at most alarmEvaluationPeriods (${v.alarmEvaluationPeriods})`,
        );
    }
    const window = v.alarmEvaluationPeriods * v.alarmPeriodSeconds;
    if (!r.failed("alarmEvaluationPeriods", "alarmPeriodSeconds") && window > maxAlarmWindowSeconds) {
        r.problem(
            "alarmEvaluationPeriods",
            String(v.alarmEvaluationPeriods),
            `allowed: at most ${Math.floor(maxAlarmWindowSeconds / v.alarmPeriodSeconds)} with alarmPeriodSeconds ` +
                `${v.alarmPeriodSeconds} (ECS watches the alarms for about their window after each rolling deploy, ` +
                `and ${maxAlarmWindowSeconds} s is the most a deploy may wait for it)`,
        );
    }
    if (v.deploymentStrategy !== "blueGreen" || r.failed("deploymentStrategy")) {
        return;
    }
    if (!r.failed("minimumHealthyPercent") && v.minimumHealthyPercent !== 100) {
        r.problem(
            "minimumHealthyPercent",
            String(v.minimumHealthyPercent),
            "allowed with deploymentStrategy blueGreen: 100 (the fast lane is for rolling deploys; blue/green keeps " +
                "every old task until the new revision has baked)",
        );
    }
    if (
        v.rollbackOnAlarm &&
        !r.failed("bakeTimeMinutes", "alarmEvaluationPeriods", "alarmPeriodSeconds") &&
        v.bakeTimeMinutes * 60 < window
    ) {
        r.problem(
            "bakeTimeMinutes",
            String(v.bakeTimeMinutes),
            `allowed with deploymentStrategy blueGreen: at least ${Math.ceil(window / 60)}, the alarms' window ` +
                `(alarmEvaluationPeriods ${v.alarmEvaluationPeriods} × alarmPeriodSeconds ${v.alarmPeriodSeconds} s), ` +
                "so that an alarm can roll back before the old revision is gone",
        );
    }
}

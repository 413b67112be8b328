// How a release goes out and what rolls it back: the service's strategy, the blue/green pieces, each alarm the
// deployment watches with its threshold, and who hears of it.
import { StackModel } from "../model/stackModel";
import { resourceTypes as t } from "../../resourceTypes";
import { alarmView } from "./alarmView";
import { code } from "./markdownText";
import type { PlanSection } from "./sections";
import { table } from "./terminal";

type Inputs = Record<string, any>;

interface DeploymentView {
    strategy: string;
    rollbackBy: string;
    blueGreen?: string;
    alarms: { name: string; signal: string; window: string }[];
    notifications: string;
}

function deploymentView(stack: StackModel): DeploymentView | undefined {
    const [service] = stack.ofType(t.service);
    if (service === undefined) {
        return undefined;
    }
    const i = service.inputs as Inputs;
    const blueGreen = i.deploymentConfiguration?.strategy === "BLUE_GREEN";
    const advanced = (i.loadBalancers ?? [])[0]?.advancedConfiguration as Inputs | undefined;
    const alarmsOn = i.alarms?.enable === true && i.alarms?.rollback === true;
    const names = new Set<unknown>(i.alarms?.alarmNames ?? []);
    const topics = stack.ofType(t.snsTopic);
    const subscriptions = stack
        .ofType(t.snsSubscription)
        .map((s) => `${String(s.inputs.protocol)} to ${String(s.inputs.endpoint)}`);
    return {
        strategy:
            (blueGreen
                ? `BLUE_GREEN with a ${i.deploymentConfiguration?.bakeTimeInMinutes}-minute bake`
                : "ROLLING, tasks replaced in place") +
            `; ${i.deploymentMinimumHealthyPercent}-${i.deploymentMaximumPercent} % of the tasks during a deploy`,
        rollbackBy:
            `the circuit breaker ${i.deploymentCircuitBreaker?.rollback === true ? "(tasks that never turn healthy)" : "off"}; ` +
            (alarmsOn ? "the alarms below, on ALARM" : "not the alarms below, which only notify"),
        blueGreen:
            advanced === undefined
                ? undefined
                : `ECS moves ${stack.label(advanced.productionListenerRule)} (production) and ` +
                  `${stack.label(advanced.testListenerRule)} (test) between ${stack.label(i.loadBalancers[0].targetGroupArn)} ` +
                  `and ${stack.label(advanced.alternateTargetGroupArn)}, as ${stack.label(advanced.roleArn)}`,
        alarms: stack
            .ofType(t.metricAlarm)
            .filter((alarm) => names.has(alarm.inputs.name))
            .map((alarm) => {
                const view = alarmView(alarm.inputs, stack);
                return {
                    name: String(alarm.inputs.name),
                    signal: `${view.signal} ${view.threshold}`,
                    window: view.window,
                };
            }),
        notifications:
            topics
                .map(
                    (topic) =>
                        `${topic.name} (encrypted with ${stack.label(topic.inputs.kmsMasterKeyId) || "nothing"})`,
                )
                .join(", ") + `; ${subscriptions.length === 0 ? "no subscriptions" : subscriptions.join(", ")}`,
    };
}

export const deploymentSection: PlanSection = {
    title: "Deployment safety",
    terminal(stack: StackModel): string[] {
        const view = deploymentView(stack);
        if (view === undefined) {
            return ["  No ECS service"];
        }
        return [
            `  Strategy: ${view.strategy}`,
            `  Rolled back by: ${view.rollbackBy}`,
            ...(view.blueGreen === undefined ? [] : [`  Blue/green: ${view.blueGreen}`]),
            "  Alarms the deployment watches",
            ...table(
                view.alarms.map((alarm) => [alarm.name, alarm.signal, alarm.window]),
                "    ",
            ),
            `  Notifications: ${view.notifications}`,
        ];
    },
    markdown(stack: StackModel): string[] {
        const view = deploymentView(stack);
        if (view === undefined) {
            return ["No ECS service."];
        }
        return [
            `- Strategy: ${view.strategy}`,
            `- Rolled back by: ${view.rollbackBy}`,
            ...(view.blueGreen === undefined ? [] : [`- Blue/green: ${view.blueGreen}`]),
            `- Notifications: ${view.notifications}`,
            "",
            "| Alarm | Goes off when | Over |",
            "| --- | --- | --- |",
            ...view.alarms.map((alarm) => `| ${code(alarm.name)} | ${alarm.signal} | ${alarm.window} |`),
        ];
    },
};

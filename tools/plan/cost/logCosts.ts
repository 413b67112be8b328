// What the tasks' observability costs: their logs in CloudWatch Logs (ingested, and kept by the retention), and
// Container Insights on their cluster.
import { resourceTypes as t } from "../../resourceTypes";
import { SnapshotResource } from "../model/snapshot";
import { CostLine, fixed, pricedLine, Range, scaled } from "./costLine";
import { inputsOf, listAt, numberAt, textAt } from "./inputs";
import { PriceTable } from "./priceTable";
import { StackFacts, TaskFacts } from "./stackFacts";
import { sumRanges, tasksText, Usage } from "./taskCosts";

const taskNoun = { one: "task", many: "tasks" };

/** Ingestion from the tasks that write to each log group, and the steady-state storage its retention keeps. */
export function logLines(facts: StackFacts, table: PriceTable, usage: Usage): CostLine[] {
    const daysPerMonth = usage.hoursPerMonth / 24;
    return facts.ofType(t.logGroup).flatMap((group) => {
        const tasks = tasksWritingTo(facts, group);
        const monthly = scaled(tasks, usage.logGbPerTaskMonth);
        const retention = numberAt(group.inputs, "retentionInDays") ?? 0;
        // Never expiring logs grow each month; a year of them stands for that.
        const keptDays = retention > 0 ? retention : 365;
        const infrequent = textAt(group.inputs, "logGroupClass") === "INFREQUENT_ACCESS";
        const common = { resource: group.name, count: tasks, noun: { one: "task writing", many: "tasks writing" } };
        const perTask = `${usage.logGbPerTaskMonth} GB a month x ${tasksText(tasks)}`;
        return [
            pricedLine(
                {
                    ...common,
                    key: `logs-ingested:${group.name}`,
                    what: `CloudWatch Logs ingestion (${infrequent ? "Infrequent Access" : "Standard"})`,
                    quantity: monthly,
                    basis: perTask,
                    price: infrequent ? "logsInfrequentAccessIngestedGb" : "logsIngestedGb",
                },
                table,
            ),
            pricedLine(
                {
                    ...common,
                    key: `logs-stored:${group.name}`,
                    what: `CloudWatch Logs storage (${retention > 0 ? `${retention} days kept` : "never expires: a year shown"})`,
                    quantity: scaled(monthly, keptDays / daysPerMonth),
                    basis: `${perTask}, kept ${keptDays} of ${round(daysPerMonth)} days a month`,
                    price: "logsStoredGbMonth",
                },
                table,
            ),
        ];
    });
}

/**
 * Container Insights (standard) metrics are billed as custom metrics (AWS CloudWatch User Guide, "Amazon ECS
 * Container Insights metrics", github.com/awsdocs/amazon-cloudwatch-user-guide doc_source/Container-Insights-metrics-
 * ECS.md): 8 metrics (Cpu/Memory Utilized and Reserved, Network Rx/Tx, Storage Read/Write) per cluster, per service
 * and per task definition family; 5 per service (Deployment, DesiredTask, PendingTask, RunningTask, TaskSet counts);
 * ServiceCount and TaskCount per cluster. ContainerInstanceCount is for EC2 instances, which Fargate has none of.
 */
export function containerInsightsLines(facts: StackFacts, table: PriceTable, usage: Usage): CostLine[] {
    return facts.ofType(t.cluster).flatMap((cluster) => {
        const mode = listAt(cluster.inputs, "settings").find((s) => textAt(s, "name") === "containerInsights");
        if (textAt(mode, "value") !== "enabled") {
            return [];
        }
        const tasks = facts.tasks().filter((task) => task.service.dependencies.includes(cluster.urn));
        const families = new Set(tasks.map((task) => familyOf(task)));
        const metrics = 8 * (1 + tasks.length + families.size) + 5 * tasks.length + 2;
        const running = sumRanges(tasks.map((task) => task.tasks));
        return [
            pricedLine(
                {
                    key: `insights-metrics:${cluster.name}`,
                    what: "Container Insights metrics (custom metrics)",
                    resource: cluster.name,
                    count: fixed(metrics),
                    noun: { one: "metric", many: "metrics" },
                    quantity: fixed(metrics),
                    basis:
                        `8 x (1 cluster + ${tasks.length} services + ${families.size} task families) + ` +
                        `5 x ${tasks.length} services + 2`,
                    price: "customMetricMonth",
                },
                table,
            ),
            pricedLine(
                {
                    key: `insights-events:${cluster.name}`,
                    what: "Container Insights performance events (log ingestion)",
                    resource: cluster.name,
                    count: running,
                    noun: taskNoun,
                    quantity: scaled(running, usage.insightsLogGbPerTaskMonth),
                    basis: `${usage.insightsLogGbPerTaskMonth} GB a month x ${tasksText(running)}`,
                    price: "logsIngestedGb",
                },
                table,
            ),
        ];
    });
}

/** The tasks whose task definition sends its containers' logs to `group`. */
function tasksWritingTo(facts: StackFacts, group: SnapshotResource): Range {
    const writers = facts
        .tasks()
        .filter((task) => task.taskDefinition !== undefined && task.taskDefinition.dependencies.includes(group.urn));
    return sumRanges(writers.map((task) => task.tasks));
}

function familyOf(task: TaskFacts): string {
    return task.taskDefinition === undefined
        ? task.service.name
        : (textAt(inputsOf(task.taskDefinition), "family") ?? "");
}

function round(value: number): number {
    return Math.round(value * 100) / 100;
}
